using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Triage.Silo.Api;

namespace Triage.Silo.Health;

/// <summary>
/// <c>/healthz</c>: the process answers (liveness, no check). <c>/readyz</c>: storage reachable, the
/// model loaded, the growth tables read; 503 otherwise, naming the check that failed. Both without
/// an API key, for load balancers and orchestrators; neither says anything about a patient.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The tag of the checks <c>/readyz</c> runs.</summary>
    public const string Ready = "ready";

    /// <summary>Registers the readiness checks.</summary>
    public static IServiceCollection AddTriageHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [Ready], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<ModelHealthCheck>("model", tags: [Ready])
            .AddCheck<GrowthTablesHealthCheck>("growth_tables", tags: [Ready]);
        return services;
    }

    /// <summary>Maps <c>/healthz</c> and <c>/readyz</c>.</summary>
    public static WebApplication MapTriageHealthChecks(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous().WithMetadata(OwnResponseBody.Instance);
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync }).AllowAnonymous().WithMetadata(OwnResponseBody.Instance);
        return app;
    }

    // {"status":"unhealthy","checks":{"storage":{"status":"unhealthy","description":"..."}, ...}}
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var body = new Dictionary<string, object>
        {
            ["status"] = Name(report.Status),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => new Dictionary<string, string?> { ["status"] = Name(e.Value.Status), ["description"] = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
