using Triage.Domain.Classification;

namespace Triage.Models.Classification;

/// <summary>
/// The served model, swapped without a restart when a new version is published: decisions in
/// flight finish with the classifier they started with, the next ones take the new one, and the
/// old ONNX sessions are disposed a while later.
/// </summary>
public sealed class ModelSource(IComplaintClassifier initial) : IClassifierSource
{
    /// <summary>How long a replaced model stays open for the decisions that started with it.</summary>
    public static readonly TimeSpan RetireAfter = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private volatile IComplaintClassifier _current = initial ?? throw new ArgumentNullException(nameof(initial));

    /// <inheritdoc />
    public IComplaintClassifier Current => _current;

    /// <summary>Serves <paramref name="next"/> from now on; returns the classifier it replaces.</summary>
    public IComplaintClassifier Swap(IComplaintClassifier next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Interlocked.Exchange(ref _current, next);
    }

    /// <summary>
    /// Loads the version <c>current</c> names in <paramref name="folder"/> and serves it, unless it is
    /// already served; returns the versions before and after. The replaced model is disposed after
    /// <see cref="RetireAfter"/>.
    /// </summary>
    public (string Previous, string Current) LoadCurrent(string folder)
    {
        lock (_gate)
        {
            var next = ModelFolder.LoadCurrent(folder);
            var previous = _current;
            if (previous.Version == next.Version)
            {
                next.Dispose();
                return (previous.Version, previous.Version);
            }

            Swap(next);
            if (previous is IDisposable disposable)
            {
                _ = Task.Delay(RetireAfter).ContinueWith(_ => disposable.Dispose(), TaskScheduler.Default);
            }

            return (previous.Version, next.Version);
        }
    }
}
