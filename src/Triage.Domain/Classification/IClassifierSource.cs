namespace Triage.Domain.Classification;

/// <summary>
/// Where the policy takes its classifier from, once per decision: the policy never changes after
/// construction, while the served model behind a source may be swapped (a new model version).
/// </summary>
public interface IClassifierSource
{
    /// <summary>The classifier a decision starting now uses; a decision keeps the one it started with.</summary>
    IComplaintClassifier Current { get; }
}
