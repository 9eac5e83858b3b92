using Triage.Domain.Classification;

namespace Triage.Models.Classification;

/// <summary>
/// The served model, swapped without a restart when a new version is published: decisions in
/// flight finish with the classifier they started with, the next ones take the new one.
/// </summary>
public sealed class ModelSource(IComplaintClassifier initial) : IClassifierSource
{
    private volatile IComplaintClassifier _current = initial ?? throw new ArgumentNullException(nameof(initial));

    /// <inheritdoc />
    public IComplaintClassifier Current => _current;

    /// <summary>Serves <paramref name="next"/> from now on; returns the classifier it replaces.</summary>
    public IComplaintClassifier Swap(IComplaintClassifier next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Interlocked.Exchange(ref _current, next);
    }
}
