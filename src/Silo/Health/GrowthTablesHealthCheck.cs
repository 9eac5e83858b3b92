using Microsoft.Extensions.Diagnostics.HealthChecks;
using Triage.Domain.Growth;

namespace Triage.Silo.Health;

/// <summary>Ready when the WHO growth tables were read: without them no z-score, and no growth referral, can be computed.</summary>
public sealed class GrowthTablesHealthCheck(IServiceProvider services) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            services.GetRequiredService<GrowthReference>();
            return Task.FromResult(HealthCheckResult.Healthy("the WHO growth tables are read"));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"the WHO growth tables could not be read ({e.GetType().Name})"));
        }
    }
}
