using Triage.Domain.Decision;
using Triage.Domain.Facts;
using Triage.Domain.RedFlags;

namespace Triage.Domain.Classification;

/// <summary>
/// The rules-first classifier: keyword votes from <see cref="KeywordLexicon"/>, turned into
/// probabilities with a softmax. It stands in until a trained model takes its place behind
/// <see cref="IComplaintClassifier"/>; the probabilities are indicative, not calibrated.
/// </summary>
public sealed class KeywordComplaintClassifier : IComplaintClassifier
{
    /// <summary>The version recorded with every decision this classifier contributes to.</summary>
    public static readonly string RulesVersion = "keyword-rules-" + KeywordLexicon.Version;

    private const int MaxExplanation = 8;
    private const double FlagWeight = 6.0;
    private const double FeverVote = 2.0;

    /// <inheritdoc />
    public string Version => RulesVersion;

    /// <inheritdoc />
    /// <remarks>The keyword votes are not calibrated: emergencies are left to the red-flag rules alone.</remarks>
    public DecisionThresholds Thresholds { get; } = new(Emergency: 1.01, Offline: 0.3, Online: 0.0);

    /// <inheritdoc />
    public ComplaintClassification Classify(ComplaintReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var (text, facts, redFlags, cues) = reading;
        var t = text.Value;
        var specialties = SpecialtyVotes(reading);
        var offlineVotes = 0.0;
        var explanation = new List<FeatureContribution>();
        foreach (var cue in cues)
        {
            if (SpecialtyOf(cue.Target) is null)
            {
                offlineVotes += cue.Weight;
            }

            explanation.Add(new FeatureContribution(cue.Name, cue.Target, cue.Weight));
        }

        if (facts.Fever)
        {
            explanation.Add(new FeatureContribution("fever", KeywordLexicon.Other, FeverVote));
        }

        var pilot = 1 - specialties[(int)Specialty.Other];
        var clinical = KeywordLexicon.ClinicalContent.IsMatch(t);
        var dispositionScores = new double[5];
        dispositionScores[(int)Disposition.OutOfScope] = 3 * (1 - pilot);
        dispositionScores[(int)Disposition.Online] = 3 * pilot;
        dispositionScores[(int)Disposition.Offline] = (2 * offlineVotes * pilot) - 1;
        dispositionScores[(int)Disposition.Emergency] = -2;
        foreach (var flag in redFlags.Where(f => f.Affirmed))
        {
            var target = flag.Severity == RedFlagSeverity.Emergency ? Disposition.Emergency : Disposition.Offline;
            dispositionScores[(int)target] += FlagWeight;
            explanation.Add(new FeatureContribution($"red_flag:{RedFlagTags.Name(flag.Tag)}", $"disposition:{LabelOf(target)}", FlagWeight));
        }

        dispositionScores[(int)Disposition.NeedsInfo] = (facts.Subject == PatientSubject.Unknown ? 2.5 * pilot : 0) + (clinical ? 0 : 3);

        explanation.Sort((a, b) => b.Weight.CompareTo(a.Weight));
        if (explanation.Count > MaxExplanation)
        {
            explanation.RemoveRange(MaxExplanation, explanation.Count - MaxExplanation);
        }

        return new ComplaintClassification
        {
            Dispositions = Softmax(dispositionScores),
            Specialties = specialties,
            // Keyword votes are few and named: the same list explains every disposition.
            Explainer = _ => explanation,
            HasClinicalContent = clinical,
        };
    }

    /// <summary>
    /// The lexicon's own specialty probabilities: its votes (and a fever's vote for general
    /// paediatrics) through a softmax. The trained model's specialty is blended with these: the
    /// lexicon's words carry over to unseen sources better than learnt n-grams do.
    /// </summary>
    public static double[] SpecialtyVotes(ComplaintReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var votes = new double[4];
        // Infections with fever belong to general paediatrics even when they show on the skin (§3).
        votes[(int)Specialty.Other] = 1.0 + (reading.Facts.Fever ? FeverVote : 0);
        foreach (var cue in reading.Cues)
        {
            if (SpecialtyOf(cue.Target) is { } specialty)
            {
                votes[(int)specialty] += cue.Weight;
            }
        }

        return Softmax(votes);
    }

    // The specialty a lexicon target votes for; null for the in-person cues.
    private static Specialty? SpecialtyOf(string target) => target switch
    {
        KeywordLexicon.Growth => Specialty.Growth,
        KeywordLexicon.Nutrition => Specialty.Nutrition,
        KeywordLexicon.Dermatology => Specialty.Dermatology,
        KeywordLexicon.Other => Specialty.Other,
        _ => null,
    };

    private static string LabelOf(Disposition d) => d == Disposition.Emergency ? "emergency" : "offline";

    private static double[] Softmax(double[] scores)
    {
        var max = scores.Max();
        var result = new double[scores.Length];
        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            result[i] = Math.Exp(scores[i] - max);
            sum += result[i];
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Math.Round(result[i] / sum, 6);
        }

        return result;
    }
}
