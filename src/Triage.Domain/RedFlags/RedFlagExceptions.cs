using Triage.Domain.Facts;
using Triage.Domain.Text;
using Triage.Domain.Vocabulary;

namespace Triage.Domain.RedFlags;

/// <summary>
/// Why red-flag words found in a complaint might not describe the patient now: denied, a past
/// episode or an established diagnosis, someone else, or part of a drug's name. The cue words are
/// vocabulary data; when none applies, the words count.
/// </summary>
public sealed class RedFlagExceptions
{
    /// <summary>Characters between a term and a drug word that still make one name ("anti-seizure", "seizure medicine").</summary>
    private const string DrugNameJoiners = " -";

    /// <summary>Creates the exceptions from the vocabulary's cue lists.</summary>
    public RedFlagExceptions(
        NegationDetector negation,
        HistoryCues history,
        (PhraseList Cues, PhraseList Family, PhraseList Patient) otherPerson,
        (PhraseList Before, PhraseList After) drugName)
    {
        Negation = negation ?? throw new ArgumentNullException(nameof(negation));
        History = history;
        OtherPerson = otherPerson;
        DrugName = drugName;
    }

    /// <summary>Denials.</summary>
    public NegationDetector Negation { get; }

    /// <summary>History cues: before, after, words of a new episode, and of an established diagnosis.</summary>
    public HistoryCues History { get; }

    /// <summary>Another person's words, family-history words, and words that bring the patient back.</summary>
    public (PhraseList Cues, PhraseList Family, PhraseList Patient) OtherPerson { get; }

    /// <summary>Words that make a term part of a drug's name, just before or just after it.</summary>
    public (PhraseList Before, PhraseList After) DrugName { get; }

    /// <summary>True when the words at [<paramref name="start"/>, <paramref name="end"/>) are part of a drug's name ("抗癫痫药", "anti-seizure medication").</summary>
    public bool IsDrugName(ReadOnlySpan<char> text, int start, int end)
    {
        var before = start;
        while (before > 0 && DrugNameJoiners.Contains(text[before - 1], StringComparison.Ordinal))
        {
            before--;
        }

        if (DrugName.Before.EndsAt(text, before))
        {
            return true;
        }

        var after = end;
        while (after < text.Length && after - end < 2 && DrugNameJoiners.Contains(text[after], StringComparison.Ordinal))
        {
            after++;
        }

        return DrugName.After.MatchAt(text, after, text.Length) > 0;
    }

    /// <summary>
    /// Whether the words at [<paramref name="start"/>, <paramref name="end"/>) describe the patient now.
    /// For a pair, <paramref name="second"/> is where its second part starts and where the text
    /// between the parts begins: a denial there denies the pair ("呼吸没有困难"), one inside the first part does not.
    /// </summary>
    public RedFlagStatus Classify(ReadOnlySpan<char> text, int start, int end, (int Start, int From) second, bool diagnosis, ComplaintFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (Negation.IsNegated(text, start) || (second.Start > start && Negation.IsNegated(text, second.Start, second.From)))
        {
            return RedFlagStatus.Negated;
        }

        var clauseStart = Clauses.ClauseStart(text, start);
        var clauseEnd = Clauses.ClauseEnd(text, end);
        if (IsAboutSomeoneElse(text, start, clauseStart, clauseEnd, facts))
        {
            return RedFlagStatus.OtherPerson;
        }

        return IsHistory(text, start, end, clauseStart, clauseEnd, diagnosis) ? RedFlagStatus.History : RedFlagStatus.Affirmed;
    }

    // Only a complaint about a child of its own mentions others in passing; without one, the person named is the patient.
    private bool IsAboutSomeoneElse(ReadOnlySpan<char> text, int start, int clauseStart, int clauseEnd, ComplaintFacts facts)
    {
        if (facts.Subject != PatientSubject.Child)
        {
            return false;
        }

        if (OtherPerson.Family.ContainsIn(text, clauseStart, clauseEnd))
        {
            return true;
        }

        var (other, length) = OtherPerson.Cues.LastIn(text, clauseStart, start);
        return other >= 0 && !OtherPerson.Patient.ContainsIn(text, other + length, start);
    }

    // A history cue reaches to the end of its clause ("以前有过高热惊厥", "had a seizure last year"); one in an
    // earlier clause does not: "之前因肺炎住院，咳嗽三天，呼吸急促" may well be now, and what cannot be told counts.
    private bool IsHistory(ReadOnlySpan<char> text, int start, int end, int clauseStart, int clauseEnd, bool diagnosis)
    {
        var nowAround = History.Now.ContainsIn(text, clauseStart, start) || History.Now.ContainsIn(text, end, clauseEnd);
        var (cue, length) = History.Before.LastIn(text, clauseStart, start);
        if (cue >= 0 && !History.Recent.EndsAt(text, cue) && !History.Now.ContainsIn(text, cue + length, start))
        {
            return true;
        }

        if (!nowAround && History.After.ContainsIn(text, end, clauseEnd))
        {
            return true;
        }

        if (!diagnosis)
        {
            return false;
        }

        // A diagnosis named is a condition, not an event ("如何治疗小儿癫痫", "确诊癫痫三年，一直吃药"): it describes
        // the patient now only when suspected as new, or when its sentence tells of an episode.
        if (History.Suspected.ContainsIn(text, clauseStart, start))
        {
            return false;
        }

        var (sentenceStart, sentenceEnd) = (Clauses.SentenceStart(text, start), Clauses.SentenceEnd(text, end));
        if (History.Relapse.ContainsIn(text, sentenceStart, sentenceEnd))
        {
            return false;
        }

        var episode = History.Episode.ContainsIn(text, sentenceStart, start) || History.Episode.ContainsIn(text, end, sentenceEnd);
        return !episode || (!nowAround && History.Established.ContainsIn(text, sentenceStart, sentenceEnd));
    }
}
