using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Triage.Grains.Hosting;
using Triage.Models.Classification;

namespace Triage.Silo.Health;

/// <summary>
/// Ready when the configured model is loaded (or, with no model folder configured, the keyword rules
/// serve by choice). A configured model that cannot be loaded leaves the service up but not ready,
/// refusing assessments rather than deciding with anything else.
/// </summary>
public sealed class ModelHealthCheck(ModelSource models, IOptions<ModelOptions> options) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = models.Current;
        return Task.FromResult(current switch
        {
            MissingModel missing => HealthCheckResult.Unhealthy($"the configured model could not be loaded ({missing.Cause}); assessments are refused until it can"),
            _ when options.Value.ResolvedFolder is null => HealthCheckResult.Healthy($"keyword rules by configuration ({current.Version})"),
            _ => HealthCheckResult.Healthy($"model {current.Version} loaded"),
        });
    }
}
