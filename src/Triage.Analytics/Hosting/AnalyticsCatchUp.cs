using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Analytics.Projection;

namespace Triage.Analytics.Hosting;

/// <summary>
/// Keeps the projection close behind the journals while evaluators are querying, so that a query only
/// projects the last moments' events, and closes the file when they stop (queries always catch up
/// first, so answers are current either way); a failed pass is retried at the next interval.
/// </summary>
public sealed partial class AnalyticsCatchUp(AnalyticsProjector projector, AnalyticsStore store, IOptions<AnalyticsOptions> options, ILogger<AnalyticsCatchUp> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.1, options.Value.CatchUpSeconds)));
        try
        {
            do
            {
                try
                {
                    // Only while evaluators are at work: the file opens at their first query and closes when they stop.
                    await store.CloseIfIdleAsync(TimeSpan.FromSeconds(options.Value.IdleSeconds), TimeProvider.System, stoppingToken).ConfigureAwait(false);
                    if (store.IsOpen)
                    {
                        await projector.CatchUpAsync(stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Failed(logger, e.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; the next start resumes from the position reached.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics projection did not catch up this time ({Error}); retrying at the next interval")]
    private static partial void Failed(ILogger logger, string error);
}
