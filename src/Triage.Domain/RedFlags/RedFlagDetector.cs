using Triage.Domain.Facts;
using Triage.Domain.Growth;
using Triage.Domain.Text;
using Triage.Domain.Vocabulary;

namespace Triage.Domain.RedFlags;

/// <summary>
/// The red flags of a complaint: the vocabulary's words (<see cref="RedFlagMatcher"/>) and the
/// numbers read against the WHO references (<see cref="MeasuredRedFlags"/>). A number outweighs a
/// denial ("不瘦" with a weight far below the curve).
/// </summary>
public static class RedFlagDetector
{
    /// <summary>Affirmed flags first, then those found but not acted on, each group in the policy's order of tags.</summary>
    public static IReadOnlyList<RedFlagFinding> Detect(NormalizedText text, ComplaintFacts facts, ClinicalVocabulary vocabulary, GrowthReference? growth = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var worded = vocabulary.RedFlags.Detect(text, facts);
        if (growth is null)
        {
            return worded;
        }

        var measured = MeasuredRedFlags.Detect(text.Value, facts, growth);
        if (measured.Count == 0)
        {
            return worded;
        }

        var byTag = worded.ToDictionary(f => f.Tag);
        foreach (var m in measured)
        {
            if (!byTag.TryGetValue(m.Tag, out var w) || !w.Affirmed)
            {
                byTag[m.Tag] = m;
            }
        }

        return [.. byTag.Values.Where(f => f.Affirmed).OrderBy(f => f.Tag), .. byTag.Values.Where(f => !f.Affirmed).OrderBy(f => f.Tag)];
    }
}
