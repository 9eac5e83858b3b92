using Microsoft.Extensions.Diagnostics.HealthChecks;
using Triage.Grains.Storage;

namespace Triage.Silo.Health;

/// <summary>Ready when the database holding the journals answers a query (SQLite file or PostgreSQL).</summary>
public sealed class StorageHealthCheck(ILedgerDatabase database) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenReadAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM ledger_checkpoints WHERE pos < 0";
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("the journal database answers");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception's type only: its message may name paths or hosts.
            return HealthCheckResult.Unhealthy($"the journal database does not answer ({e.GetType().Name})");
        }
    }
}
