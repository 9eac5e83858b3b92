using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Grains.Journal;
using Triage.Grains.Storage;

namespace Triage.Grains.Hosting;

/// <summary>
/// Signs the ledger head at a fixed interval (and once at start and at stop) and exports each new
/// checkpoint as a JSON line at once, in the spirit of Certificate Transparency's signed tree heads.
/// </summary>
public sealed partial class LedgerCheckpointWriter(
    LedgerAudit audit,
    IOptions<AuditOptions> options,
    IOptions<StorageOptions> storage,
    [Microsoft.Extensions.DependencyInjection.FromKeyedServices(TriageSiloBuilderExtensions.ClockKey)] TimeProvider clock,
    ILogger<LedgerCheckpointWriter> logger) : BackgroundService
{
    private long _lastPosition;

    /// <summary>Makes and exports a checkpoint if the ledger moved since the last one; returns it, or null.</summary>
    public async Task<LedgerCheckpoint?> CheckpointAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await audit.CheckpointAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (checkpoint is null || checkpoint.Position == _lastPosition)
        {
            return null;
        }

        await CheckpointExport.AppendAsync(options.Value.ResolvedExportFile(storage.Value.SqlitePath), checkpoint, cancellationToken).ConfigureAwait(false);
        _lastPosition = checkpoint.Position;
        Made(logger, checkpoint.Position);
        return checkpoint;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.CheckpointIntervalSeconds)), TimeProvider.System);
        try
        {
            do
            {
                try
                {
                    await CheckpointAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or System.Data.Common.DbException)
                {
                    Failed(logger, e.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the last checkpoint is made in StopAsync.
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CheckpointAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or System.Data.Common.DbException or OperationCanceledException)
        {
            Failed(logger, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ledger checkpoint signed and exported at entry {Position}")]
    private static partial void Made(ILogger logger, long position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger checkpoint not made this time ({Error}); the next interval tries again")]
    private static partial void Failed(ILogger logger, string error);
}
