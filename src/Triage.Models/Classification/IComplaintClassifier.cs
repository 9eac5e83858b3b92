using Triage.Models.Facts;
using Triage.Models.RedFlags;
using Triage.Models.Text;

namespace Triage.Models.Classification;

/// <summary>
/// The seam the trained models plug into: given a normalised complaint and its facts, return
/// class probabilities and an explanation. Red flags and the pilot rules stay in the policy,
/// so a model can change how likely a class is, never overrule a red flag.
/// </summary>
public interface IComplaintClassifier
{
    /// <summary>Identifies the model (or rule set) so every decision records what made it.</summary>
    string Version { get; }

    /// <summary>The cut-offs tuned for this classifier's probabilities.</summary>
    DecisionThresholds Thresholds { get; }

    /// <summary>
    /// Scores one complaint, given the facts and red flags already found (they are features too).
    /// Must be thread-safe and allocation-light: it is on the hot path.
    /// </summary>
    ComplaintClassification Classify(NormalizedText text, ComplaintFacts facts, IReadOnlyList<RedFlagFinding> redFlags);
}
