using Microsoft.Extensions.Options;
using Triage.Grains.Hosting;
using Triage.Models.Classification;

namespace Triage.Silo.Hosting;

/// <summary>Reloads the model when the model folder's <c>current</c> file changes (publishing a new version).</summary>
public sealed partial class ModelFolderWatcher(ModelReloader reloader, IOptions<ModelOptions> options, ILogger<ModelFolderWatcher> logger) : IHostedService, IDisposable
{
    private FileSystemWatcher? _watcher;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ResolvedFolder is { } folder && Directory.Exists(folder))
        {
            _watcher = new FileSystemWatcher(folder, ModelFolder.CurrentFile) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName };
            _watcher.Changed += (_, _) => Reload();
            _watcher.Renamed += (_, _) => Reload();
            _watcher.Created += (_, _) => Reload();
            _watcher.EnableRaisingEvents = true;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _watcher = null;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose() => _watcher?.Dispose();

    private void Reload()
    {
        try
        {
            reloader.Reload();
        }
        catch (Exception e) when (MissingModel.IsLoadFailure(e))
        {
            // A half-written publication: keep serving the current model; the next change retries.
            LogReloadFailed(logger, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model reload failed with {ExceptionType}; the current model stays in use")]
    private static partial void LogReloadFailed(ILogger logger, string exceptionType);
}
