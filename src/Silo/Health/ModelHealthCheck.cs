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
public sealed class ModelHealthCheck(IServiceProvider services, IOptions<ModelOptions> options) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var current = services.GetRequiredService<ModelSource>().Current;
            if (current is MissingModel missing)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy($"the configured model could not be loaded ({missing.Cause}); assessments are refused until it can"));
            }

            var description = options.Value.ResolvedFolder is null ? $"keyword rules by configuration ({current.Version})" : $"model {current.Version} loaded";
            return Task.FromResult(HealthCheckResult.Healthy(description));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or InvalidOperationException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or System.Text.Json.JsonException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"the configured model could not be loaded ({e.GetType().Name})"));
        }
    }
}
