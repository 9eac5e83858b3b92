using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Triage.Analytics.Hosting;
using Triage.Grains.Hosting;
using Triage.Silo.Api;
using Triage.Silo.Auth;
using Triage.Silo.Health;
using Triage.Silo.Pages;
using Triage.Support;
using Triage.Support.Summary;

namespace Triage.Silo.Hosting;

/// <summary>Wires the service: Kestrel's two ports, the Orleans silo, auth, gRPC with JSON transcoding.</summary>
public static class TriageServiceExtensions
{
    /// <summary>Registers everything the service needs.</summary>
    public static WebApplicationBuilder AddTriageService(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var api = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        var orleans = builder.Configuration.GetSection(OrleansOptions.Section).Get<OrleansOptions>() ?? new OrleansOptions();
        builder.Services.Configure<ApiOptions>(builder.Configuration.GetSection(ApiOptions.Section));

        DeploymentGuard.Check(builder.Environment, api, builder.Configuration.GetSection(ApiKeyOptions.Section).Get<ApiKeyOptions>()?.ApiKeys ?? []);

        var endpoints = new ApiEndpoints();
        builder.Services.AddSingleton(endpoints);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = IPAddress.Parse(api.Address);
            kestrel.Limits.MaxRequestBodySize = api.MaxRequestBytes;
            ListenOptions? grpc = null, http = null;
            if (api.UsesTls)
            {
                // With TLS, ALPN lets HTTP/2 (gRPC) and HTTP/1.1 (JSON) share one port.
                kestrel.Listen(address, api.HttpsPort, o =>
                {
                    o.Protocols = HttpProtocols.Http1AndHttp2;
                    o.UseHttps(api.Certificate.Path, api.Certificate.Password);
                    grpc = http = o;
                });
            }
            else
            {
                kestrel.Listen(address, api.GrpcPort, o => (o.Protocols, grpc) = (HttpProtocols.Http2, o));
                kestrel.Listen(address, api.HttpPort, o => (o.Protocols, http) = (HttpProtocols.Http1, o));
            }

            endpoints.Listening(grpc!, http!);
            if (orleans.DashboardPort > 0)
            {
                kestrel.Listen(IPAddress.Loopback, orleans.DashboardPort, o => o.Protocols = HttpProtocols.Http1);
            }
        });

        builder.UseOrleans(silo =>
        {
            if (orleans.UsesRedis)
            {
                silo.UseRedisClustering(orleans.Redis.Length > 0 ? orleans.Redis : throw new InvalidOperationException("Orleans:Redis: the membership's Redis address is required in cluster mode"));
                silo.Configure<Orleans.Configuration.ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (orleans.ClusterId, orleans.ServiceId));
                silo.ConfigureEndpoints(IPAddress.Parse(orleans.AdvertisedAddress), orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: false);
                // A dead silo's cases answer from a survivor within seconds rather than the default's minute (STACK.md, measured).
                silo.Configure<Orleans.Configuration.ClusterMembershipOptions>(o =>
                {
                    o.ProbeTimeout = TimeSpan.FromSeconds(1);
                    o.NumMissedProbesLimit = 3;
                    o.NumVotesForDeathDeclaration = 1;
                    o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
                });
            }
            else
            {
                silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort);
            }

            silo.Configure<Orleans.Configuration.GrainDirectoryOptions>(o => o.CacheSize = orleans.DirectoryCacheSize);
            silo.AddTriageGrains(builder.Configuration);
            if (orleans.DashboardPort > 0)
            {
                silo.AddDashboard();
            }
        });

        // A malformed key hash would fail every request at run time; refuse to start instead.
        builder.Services.AddOptions<ApiKeyOptions>()
            .Bind(builder.Configuration.GetSection(ApiKeyOptions.Section))
            .Validate(o => o.ApiKeys.All(k => k.AppId.Length > 0 && k.KeySha256.Length == 64 && k.KeySha256.All(Uri.IsHexDigit)), "Auth:ApiKeys: every entry needs an AppId and a KeySha256 of 64 hex digits")
            .ValidateOnStart();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(TriageRoles.BookingApp, p => p.RequireRole(TriageRoles.BookingApp))
            .AddPolicy(TriageRoles.Admin, p => p.RequireRole(TriageRoles.Admin))
            .AddPolicy(TriageRoles.Physician, p => p.RequireRole(TriageRoles.Physician))
            .AddPolicy(TriageRoles.Analytics, p => p.RequireRole(TriageRoles.Evaluator, TriageRoles.Regulator))
            .AddPolicy(TriageRoles.Audit, p => p.RequireRole(TriageRoles.Regulator, TriageRoles.Admin));
        builder.Services.AddTriageAnalytics(builder.Configuration);
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
        builder.Services.AddSingleton<CallerRateLimiter>();
        builder.Services.AddSingleton<ModelReloader>();
        builder.Services.AddOptions<SupportOptions>().Bind(builder.Configuration.GetSection(SupportOptions.Section));
        builder.Services.AddHttpClient<DecisionSupport>((sp, http) => http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<SupportOptions>>().Value.TimeoutSeconds + 5));
        builder.Services.AddHostedService<ModelFolderWatcher>();

        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = api.MaxRequestBytes;
            o.Interceptors.Add<ExceptionInterceptor>();
        }).AddJsonTranscoding();
        builder.Services.AddProblemDetails();
        builder.Services.AddTriageHealthChecks();
        builder.Services.AddTriageOpenApi();
        builder.Services.AddTriageTelemetry(builder.Configuration);
        return builder;
    }

    /// <summary>Maps the API's endpoints.</summary>
    public static WebApplication MapTriageApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<JsonProblemMiddleware>();
        app.UseTriagePages();
        app.MapTriageOpenApi();
        app.UseAuthentication();
        var limiter = app.Services.GetRequiredService<CallerRateLimiter>();
        app.Use((context, next) => limiter.InvokeAsync(context, next));
        app.UseAuthorization();
        app.UseMiddleware<JsonBodyGuard>();
        app.UseMiddleware<GrpcFrameGuard>();
        app.MapGrpcService<TriageApiService>();
        app.MapGrpcService<AdminApiService>();
        app.MapGrpcService<PhysicianAdminApiService>();
        app.MapGrpcService<PhysicianApiService>();
        app.MapGrpcService<AnalyticsApiService>();
        app.MapGrpcService<AuditApiService>();
        app.MapGrpcService<RecordApiService>();
        app.MapTriageHealthChecks();
        app.MapTriageMetrics();
        var dashboardPort = app.Configuration.GetSection(OrleansOptions.Section).Get<OrleansOptions>()?.DashboardPort ?? 0;
        if (dashboardPort > 0)
        {
            // Only on its own loopback port: the API's ports never answer it.
            app.MapOrleansDashboard("/orleans").RequireHost($"127.0.0.1:{dashboardPort}", $"localhost:{dashboardPort}");
        }
        return app;
    }
}
