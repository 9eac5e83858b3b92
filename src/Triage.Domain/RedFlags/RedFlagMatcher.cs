using Triage.Domain.Facts;
using Triage.Domain.Text;
using Triage.Domain.Vocabulary;

namespace Triage.Domain.RedFlags;

/// <summary>
/// The red-flag vocabulary compiled into one matcher: every word of every rule is found in a single
/// pass over the complaint, then each rule's candidates are checked against its masks, pairs,
/// conditions and the exceptions (denied, history, someone else, a drug's name). Built once at
/// start-up; thread-safe.
/// </summary>
public sealed class RedFlagMatcher
{
    private readonly TermIndex _index;
    private readonly (int Rule, TermRole Role, int Pair)[][] _uses;

    internal RedFlagMatcher(IReadOnlyList<RedFlagRule> rules, TermIndex index, (int Rule, TermRole Role, int Pair)[][] uses, RedFlagExceptions exceptions)
    {
        Rules = rules;
        _index = index;
        _uses = uses;
        Exceptions = exceptions;
    }

    /// <summary>What each term of the index is to a rule.</summary>
    internal enum TermRole
    {
        Term,
        Diagnosis,
        First,
        Then,
        Mask,
    }

    /// <summary>The compiled rules, in file order.</summary>
    public IReadOnlyList<RedFlagRule> Rules { get; }

    /// <summary>The exceptions every match is checked against.</summary>
    public RedFlagExceptions Exceptions { get; }

    /// <summary>
    /// The worded red flags of a complaint: at most one finding per tag, the first affirmed one, or
    /// when none is affirmed the first found but not acted on (denied, history, someone else), so the
    /// physician sees both. Tags come in the policy's order.
    /// </summary>
    public IReadOnlyList<RedFlagFinding> Detect(NormalizedText text, ComplaintFacts facts)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(facts);
        var t = text.Value;
        var hits = new List<(int Rule, TermRole Role, int Pair, int Start, int End)>();
        _index.FindAll(t, (id, start, length) =>
        {
            foreach (var (rule, role, pair) in _uses[id])
            {
                hits.Add((rule, role, pair, start, start + length));
            }
        });
        if (hits.Count == 0)
        {
            return [];
        }

        hits.Sort((a, b) => a.Rule != b.Rule ? a.Rule.CompareTo(b.Rule) : a.Start.CompareTo(b.Start));
        var found = new RedFlagFinding?[RedFlagTags.All.Count];
        var candidates = new List<(int Start, int End, int Second, int SecondFrom, bool Diagnosis)>();
        for (var from = 0; from < hits.Count;)
        {
            var ruleIndex = hits[from].Rule;
            var to = from;
            while (to < hits.Count && hits[to].Rule == ruleIndex)
            {
                to++;
            }

            var rule = Rules[ruleIndex];
            if (found[(int)rule.Tag] is not { Affirmed: true })
            {
                Candidates(t, rule, hits, from, to, candidates);
                Judge(text, facts, rule, candidates, found);
            }

            from = to;
        }

        return [.. found.OfType<RedFlagFinding>().Where(f => f.Affirmed), .. found.OfType<RedFlagFinding>().Where(f => !f.Affirmed)];
    }

    // Terms and diagnoses stand alone; a pair's parts make one candidate when close enough in one sentence.
    private static void Candidates(string t, RedFlagRule rule, List<(int Rule, TermRole Role, int Pair, int Start, int End)> hits, int from, int to, List<(int Start, int End, int Second, int SecondFrom, bool Diagnosis)> candidates)
    {
        candidates.Clear();
        bool Masked(int start, int end)
        {
            for (var k = from; k < to; k++)
            {
                if (hits[k].Role == TermRole.Mask && hits[k].Start <= start && hits[k].End >= end)
                {
                    return true;
                }
            }

            return false;
        }

        for (var k = from; k < to; k++)
        {
            var (_, role, pair, start, end) = hits[k];
            if (role is TermRole.Term or TermRole.Diagnosis)
            {
                if (!Masked(start, end))
                {
                    candidates.Add((start, end, start, start, role == TermRole.Diagnosis));
                }

                continue;
            }

            if (role != TermRole.Then || Masked(start, end))
            {
                continue;
            }

            var (within, anyOrder) = rule.Pairs[pair];
            for (var j = from; j < to; j++)
            {
                var first = hits[j];
                if (first.Role != TermRole.First || first.Pair != pair || Masked(first.Start, first.End))
                {
                    continue;
                }

                if (first.End <= start && start - first.End <= within && !Clauses.CrossesSentence(t, first.End, start))
                {
                    candidates.Add((first.Start, end, start, first.End, false));
                }
                else if (anyOrder && end <= first.Start && first.Start - end <= within && !Clauses.CrossesSentence(t, end, first.Start))
                {
                    candidates.Add((start, first.End, first.Start, end, false));
                }
            }
        }

        candidates.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
    }

    private void Judge(NormalizedText text, ComplaintFacts facts, RedFlagRule rule, List<(int Start, int End, int Second, int SecondFrom, bool Diagnosis)> candidates, RedFlagFinding?[] found)
    {
        var t = text.Value;
        bool? conditionsHold = null;
        foreach (var (start, end, second, secondFrom, diagnosis) in candidates)
        {
            if (!rule.KeepDrugNames && Exceptions.IsDrugName(t, start, end))
            {
                continue;
            }

            var status = Exceptions.Classify(t, start, end, (second, secondFrom), diagnosis, facts);
            if (status != RedFlagStatus.Affirmed)
            {
                found[(int)rule.Tag] ??= new RedFlagFinding(rule.Tag, Evidence(text, start, end), status);
                continue;
            }

            // The rule's conditions are about the whole complaint, not the match: evaluated once.
            conditionsHold ??= ConditionsHold(t, rule, facts);
            if (!conditionsHold.Value)
            {
                return;
            }

            found[(int)rule.Tag] = new RedFlagFinding(rule.Tag, Evidence(text, start, end));
            return;
        }
    }

    private static bool ConditionsHold(string t, RedFlagRule rule, ComplaintFacts facts) =>
        rule.When.All(c => FactConditions.Holds(c, facts))
        && (rule.WithAny.Count == 0 || rule.WithAny.ContainsIn(t, 0, t.Length))
        && (rule.UnlessAny.Count == 0 || !rule.UnlessAny.ContainsIn(t, 0, t.Length));

    // A unit's number belongs to the evidence: "38.5度", not "度".
    private static TextSpan Evidence(NormalizedText text, int start, int end)
    {
        var t = text.Value;
        while (start > 0 && (char.IsAsciiDigit(t[start - 1]) || (t[start - 1] == '.' && start > 1 && char.IsAsciiDigit(t[start - 2]))))
        {
            start--;
        }

        var (s, l) = text.ToOriginalSpan(start, end - start);
        return new TextSpan(s, l, text.Original.Substring(s, l));
    }
}
