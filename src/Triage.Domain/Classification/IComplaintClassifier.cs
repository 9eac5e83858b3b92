using Triage.Domain.Decision;

namespace Triage.Domain.Classification;

/// <summary>
/// The seam the trained models plug into: given what the rules read off a complaint, return class
/// probabilities and a way to explain them. Red flags and the pilot rules stay in the policy, so a
/// model can change how likely a class is, never overrule a red flag.
/// </summary>
public interface IComplaintClassifier
{
    /// <summary>Identifies the model (or rule set) so every decision records what made it.</summary>
    string Version { get; }

    /// <summary>The cut-offs tuned for this classifier's probabilities.</summary>
    DecisionThresholds Thresholds { get; }

    /// <summary>Scores one complaint. Must be thread-safe and allocation-light: it is on the hot path.</summary>
    ComplaintClassification Classify(ComplaintReading reading);
}
