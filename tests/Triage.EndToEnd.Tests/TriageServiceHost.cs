extern alias silo;

using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Triage.Api.V1;
using Triage.Client;
using Triage.Grains.Hosting;
using silo::Triage.Silo.Hosting;

namespace Triage.EndToEnd.Tests;

/// <summary>
/// The real service (Kestrel on loopback, embedded silo, SQLite file) built by the same
/// extension methods as Program.cs, on free ports and a data folder of the test's own.
/// </summary>
public sealed class TriageServiceHost : IAsyncDisposable
{
    public const string KeyA = "key-app-a";
    public const string KeyB = "key-app-b";
    public const string KeyEvaluator = "key-evaluator";
    public const string KeyAdmin = "key-admin";
    public const string KeyDoctor1 = "key-doc-1";
    public const string KeyDoctor2 = "key-doc-2";
    public const string KeyRegulator = "key-regulator";

    private readonly WebApplication _app;
    private readonly List<GrpcChannel> _channels = [];

    private TriageServiceHost(WebApplication app, FakeTimeProvider clock, int grpcPort, int httpPort)
    {
        _app = app;
        Clock = clock;
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
    }

    /// <summary>The model version the service loads by default (copied beside the tests).</summary>
    public static string ShippedModelVersion => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "models", "current")).Trim();

    /// <summary>This service's own clock (each host has one), starting at 2026-06-01 10:00 in Beijing.</summary>
    public FakeTimeProvider Clock { get; }

    public Uri GrpcAddress { get; }

    public HttpClient Http { get; }

    /// <summary>The service's own services (to make a checkpoint now rather than at the interval).</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<TriageServiceHost> StartAsync(string dataFolder, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        // Orleans' silo-to-silo port cannot be 0: it is picked free beforehand, and should another
        // process take it before the silo binds it, the host starts again on another.
        for (var attempt = 1; ; attempt++)
        {
            var (app, clock) = Build(dataFolder, FreePort(), overrides);
            try
            {
                await app.StartAsync();
            }
            catch (Exception e) when (attempt < 3 && AddressInUse(e))
            {
                await app.DisposeAsync();
                continue;
            }

            var endpoints = app.Services.GetRequiredService<ApiEndpoints>();
            return new TriageServiceHost(app, clock, endpoints.GrpcPort, endpoints.HttpPort);
        }
    }

    private static (WebApplication App, FakeTimeProvider Clock) Build(string dataFolder, int silo, IReadOnlyDictionary<string, string?>? overrides)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Kestrel binds free ports itself and the host reads them back (no race for a port).
            ["Api:GrpcPort"] = "0",
            ["Api:HttpPort"] = "0",
            ["Orleans:SiloPort"] = silo.ToString(),
            // The silo's clients are in process: no gateway (0 disables it).
            ["Orleans:GatewayPort"] = "0",
            ["Storage:SqlitePath"] = Path.Combine(dataFolder, "triage.db"),
            ["Auth:ApiKeys:0:AppId"] = "app-a",
            ["Auth:ApiKeys:0:KeySha256"] = Hash(KeyA),
            ["Auth:ApiKeys:0:Roles:0"] = "booking_app",
            ["Auth:ApiKeys:1:AppId"] = "app-b",
            ["Auth:ApiKeys:1:KeySha256"] = Hash(KeyB),
            ["Auth:ApiKeys:1:Roles:0"] = "booking_app",
            ["Auth:ApiKeys:2:AppId"] = "evaluator-1",
            ["Auth:ApiKeys:2:KeySha256"] = Hash(KeyEvaluator),
            ["Auth:ApiKeys:2:Roles:0"] = "evaluator",
            ["Auth:ApiKeys:3:AppId"] = "ops",
            ["Auth:ApiKeys:3:KeySha256"] = Hash(KeyAdmin),
            ["Auth:ApiKeys:3:Roles:0"] = "admin",
            ["Auth:ApiKeys:4:AppId"] = "doc-1",
            ["Auth:ApiKeys:4:KeySha256"] = Hash(KeyDoctor1),
            ["Auth:ApiKeys:4:Roles:0"] = "physician",
            ["Auth:ApiKeys:5:AppId"] = "doc-2",
            ["Auth:ApiKeys:5:KeySha256"] = Hash(KeyDoctor2),
            ["Auth:ApiKeys:5:Roles:0"] = "physician",
            ["Auth:ApiKeys:6:AppId"] = "platform",
            ["Auth:ApiKeys:6:KeySha256"] = Hash(KeyRegulator),
            ["Auth:ApiKeys:6:Roles:0"] = "regulator",
        });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Services.AddKeyedSingleton<TimeProvider>(TriageSiloBuilderExtensions.ClockKey, clock);
        builder.AddTriageService();
        var app = builder.Build();
        app.MapTriageApi();
        return (app, clock);
    }

    private static bool AddressInUse(Exception e) =>
        e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
        || (e.InnerException is { } inner && AddressInUse(inner))
        || (e is AggregateException aggregate && aggregate.InnerExceptions.Any(AddressInUse));

    public TriageService.TriageServiceClient Grpc(string apiKey = KeyA)
    {
        var client = TriageChannel.Create(GrpcAddress, apiKey, out var channel);
        _channels.Add(channel);
        return client;
    }

    public AdminService.AdminServiceClient Admin(string apiKey = KeyAdmin) => Client(i => new AdminService.AdminServiceClient(i), apiKey);

    public PhysicianAdminService.PhysicianAdminServiceClient PhysicianAdmin(string apiKey = KeyAdmin) => Client(i => new PhysicianAdminService.PhysicianAdminServiceClient(i), apiKey);

    public PhysicianService.PhysicianServiceClient Physician(string apiKey = KeyDoctor1) => Client(i => new PhysicianService.PhysicianServiceClient(i), apiKey);

    public AnalyticsService.AnalyticsServiceClient Analytics(string apiKey = KeyEvaluator) => Client(i => new AnalyticsService.AnalyticsServiceClient(i), apiKey);

    public AuditService.AuditServiceClient Audit(string apiKey = KeyRegulator) => Client(i => new AuditService.AuditServiceClient(i), apiKey);

    private T Client<T>(Func<global::Grpc.Core.CallInvoker, T> create, string apiKey)
    {
        var channel = GrpcChannel.ForAddress(GrpcAddress);
        _channels.Add(channel);
        return create(global::Grpc.Core.Interceptors.CallInvokerExtensions.Intercept(channel.CreateCallInvoker(), metadata =>
        {
            metadata.Add("x-api-key", apiKey);
            return metadata;
        }));
    }

    public HttpRequestMessage Json(HttpMethod method, string path, string? body = null, string apiKey = KeyA)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-api-key", apiKey);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _channels)
        {
            c.Dispose();
        }

        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
