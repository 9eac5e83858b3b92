namespace Triage.Domain.Classification;

/// <summary>A source that always gives the same classifier (tests, the CLI, training).</summary>
internal sealed class FixedClassifierSource(IComplaintClassifier classifier) : IClassifierSource
{
    public IComplaintClassifier Current { get; } = classifier ?? throw new ArgumentNullException(nameof(classifier));
}
