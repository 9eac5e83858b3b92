using Triage.Domain.Classification;
using Triage.Domain.Facts;
using Triage.Domain.RedFlags;
using Triage.Domain.Text;

namespace Triage.Domain.Decision;

/// <summary>
/// What the rules read off a complaint before any model: the corrected text, the facts, the red
/// flags and the keyword cues. Read once per decision; the featurizer, the classifiers and the
/// policy all take it from here.
/// </summary>
/// <param name="Text">The normalised, spelling-corrected text.</param>
/// <param name="Facts">Facts from text and request.</param>
/// <param name="RedFlags">Red flags the vocabulary and the measurements found (affirmed or not).</param>
/// <param name="Cues">The keyword lexicon's cues the text affirms.</param>
public sealed record ComplaintReading(NormalizedText Text, ComplaintFacts Facts, IReadOnlyList<RedFlagFinding> RedFlags, IReadOnlyList<KeywordCue> Cues)
{
    /// <summary>True when the complaint names a symptom or concern of a pilot specialty (§2: age and sex alone never make a case online).</summary>
    public bool PilotConcern => Cues.Any(c => c.Target is KeywordLexicon.Growth or KeywordLexicon.Nutrition or KeywordLexicon.Dermatology);
}
