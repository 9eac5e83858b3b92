using Microsoft.Extensions.Options;
using Triage.Grains.Hosting;
using Triage.Models.Classification;

namespace Triage.Silo.Hosting;

/// <summary>
/// Swaps the served model for the version the model folder names, without a restart. The old
/// sessions are disposed a while later, once decisions in flight have finished with them.
/// </summary>
public sealed partial class ModelReloader(ModelSource models, IOptions<ModelOptions> options, ILogger<ModelReloader> logger)
{
    private static readonly TimeSpan RetireAfter = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();

    /// <summary>Loads <c>current</c> and switches to it; returns the version now in use.</summary>
    public string Reload()
    {
        var folder = options.Value.ResolvedFolder ?? throw new InvalidOperationException("Models:Folder is not configured: the service runs on the keyword rules");
        lock (_gate)
        {
            var next = ModelFolder.LoadCurrent(folder);
            var current = models.Current;
            if (current.Version == next.Version)
            {
                next.Dispose();
                return current.Version;
            }

            var previous = models.Swap(next);
            LogSwitched(logger, previous.Version, next.Version);
            if (previous is IDisposable disposable)
            {
                _ = Task.Delay(RetireAfter).ContinueWith(_ => disposable.Dispose(), TaskScheduler.Default);
            }

            return next.Version;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model switched from {Previous} to {Next}")]
    private static partial void LogSwitched(ILogger logger, string previous, string next);
}
