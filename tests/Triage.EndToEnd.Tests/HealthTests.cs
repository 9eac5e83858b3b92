using System.Net;
using System.Text.Json;

namespace Triage.EndToEnd.Tests;

/// <summary>/healthz and /readyz over real HTTP, on a working service and with each dependency broken in turn.</summary>
public sealed class HealthTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "triage-health-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task Readyz_OnAWorkingService_IsOkForEveryCheck_WithoutAKey()
    {
        await using var host = await TriageServiceHost.StartAsync(_data);

        using var live = await host.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var ready = await host.Http.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = Checks(await ready.Content.ReadAsStringAsync());
        Assert.Equal(["growth_tables", "model", "storage"], checks.Keys.Order());
        Assert.All(checks.Values, status => Assert.Equal("healthy", status));
    }

    [Fact]
    public async Task Readyz_JournalFileNotADatabase_Is503NamingStorage_WhileHealthzStaysOk()
    {
        Directory.CreateDirectory(_data);
        await File.WriteAllTextAsync(Path.Combine(_data, "triage.db"), "this is not an SQLite database, and it is long enough to show it.......................................");
        await using var host = await TriageServiceHost.StartAsync(_data);

        await AssertNotReadyAsync(host, "storage");
    }

    [Fact]
    public async Task Readyz_ModelFolderMissing_Is503NamingTheModel_AndAssessmentsAreRefusedNotDecidedOtherwise()
    {
        await using var host = await TriageServiceHost.StartAsync(_data, new Dictionary<string, string?> { ["Models:Folder"] = Path.Combine(_data, "no-models-here") });

        await AssertNotReadyAsync(host, "model");
        var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () => await host.Grpc().AssessAsync(new Triage.Api.V1.AssessRequest { Complaint = "宝宝8个月，脸上湿疹两周了" }));
        Assert.Equal(Grpc.Core.StatusCode.Unavailable, refused.StatusCode);
    }

    [Fact]
    public async Task Readyz_GrowthTablesMissing_Is503NamingThem()
    {
        await using var host = await TriageServiceHost.StartAsync(_data, new Dictionary<string, string?> { ["Growth:Folder"] = Path.Combine(_data, "no-growth-tables") });

        await AssertNotReadyAsync(host, "growth_tables");
    }

    private static async Task AssertNotReadyAsync(TriageServiceHost host, string broken)
    {
        using var live = await host.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var ready = await host.Http.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var checks = Checks(await ready.Content.ReadAsStringAsync());
        Assert.Equal("unhealthy", checks[broken]);
        Assert.All(checks.Where(c => c.Key != broken), c => Assert.Equal("healthy", c.Value));
    }

    private static Dictionary<string, string> Checks(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("checks").EnumerateObject()
            .ToDictionary(c => c.Name, c => c.Value.GetProperty("status").GetString()!);
    }
}
