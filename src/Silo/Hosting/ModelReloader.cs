using Microsoft.Extensions.Options;
using Triage.Grains.Hosting;
using Triage.Models.Classification;

namespace Triage.Silo.Hosting;

/// <summary>Serves the model version the configured model folder names, without a restart (admin call or folder watcher).</summary>
public sealed partial class ModelReloader(ModelSource models, IOptions<ModelOptions> options, ILogger<ModelReloader> logger)
{
    /// <summary>Loads <c>current</c> and switches to it; returns the version now in use.</summary>
    public string Reload()
    {
        var folder = options.Value.ResolvedFolder ?? throw new InvalidOperationException("Models:Folder is not configured: the service runs on the keyword rules");
        var (previous, current) = models.LoadCurrent(folder);
        if (previous != current)
        {
            LogSwitched(logger, previous, current);
        }

        return current;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model switched from {Previous} to {Next}")]
    private static partial void LogSwitched(ILogger logger, string previous, string next);
}
