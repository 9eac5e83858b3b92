using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Triage.Grains.Telemetry;
using Triage.Silo.Api;

namespace Triage.Silo.Health;

/// <summary>
/// OpenTelemetry for operators: the service's own meter (decisions, decision time, journal batches,
/// queue lengths), ASP.NET Core's request durations and .NET's runtime meters, scraped by Prometheus at
/// <c>/metrics</c>; traces of requests and Orleans calls, sent over OTLP when <c>Telemetry:OtlpEndpoint</c>
/// is set (and not made at all otherwise: spans nobody collects would cost every request). No
/// instrument is tagged with a case, patient, physician or text, and the request durations carry the
/// route template, never the path with its ids.
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>Registers metrics and traces.</summary>
    public static IServiceCollection AddTriageTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddMeter(TriageMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime")
                .AddPrometheusExporter());
        if (configuration["Telemetry:OtlpEndpoint"] is { Length: > 0 } endpoint)
        {
            // Exceptions are not recorded on spans (their messages may quote what a caller sent), and the
            // path and query are dropped: a path holds a case id. The span keeps the route template.
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.RecordException = false;
                    o.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.path", null).SetTag("url.query", null);
                })
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .AddOtlpExporter(o =>
                {
                    o.Endpoint = new Uri(endpoint);
                    // OTLP over gRPC (port 4317) unless "http/protobuf" is asked for (port 4318, the full /v1/traces URL).
                    o.Protocol = configuration["Telemetry:OtlpProtocol"] == "http/protobuf" ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;
                }));
        }

        return services;
    }

    /// <summary>Maps the Prometheus scrape endpoint at <c>/metrics</c>.</summary>
    public static WebApplication MapTriageMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous().WithMetadata(OwnResponseBody.Instance);
        return app;
    }
}
