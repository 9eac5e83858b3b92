using Triage.Domain.Facts;
using Triage.Domain.RedFlags;
using Triage.Domain.Text;
using Triage.Domain.Vocabulary;

namespace Triage.Domain.Tests;

/// <summary>Reads complaints the way the policy does: the shipped vocabulary, facts, red flags with the WHO tables.</summary>
internal static class Complaints
{
    public static ClinicalVocabulary Vocabulary => ClinicalVocabulary.Default;

    public static NormalizedText Normalize(string text) => Vocabulary.Normalize(text);

    public static ComplaintFacts Facts(string text) => FactExtractor.Extract(Normalize(text), Vocabulary);

    public static IReadOnlyList<RedFlagFinding> Flags(string text)
    {
        var normalized = Normalize(text);
        return RedFlagDetector.Detect(normalized, FactExtractor.Extract(normalized, Vocabulary), Vocabulary, SharedGrowth.Reference);
    }

    public static IEnumerable<string> Affirmed(string text) => Flags(text).Where(f => f.Affirmed).Select(f => RedFlagTags.Name(f.Tag));
}
