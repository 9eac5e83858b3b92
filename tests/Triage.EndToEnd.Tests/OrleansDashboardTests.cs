using System.Net;

namespace Triage.EndToEnd.Tests;

/// <summary>The Orleans dashboard: off by default, on by a setting, and then only on its own loopback port.</summary>
public sealed class OrleansDashboardTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "triage-dashboard-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task Dashboard_BySetting_IsServedOnItsLoopbackPort_AndNeverOnTheApisPort()
    {
        var port = ServiceProcess.FreePort();
        await using var host = await TriageServiceHost.StartAsync(_data, new Dictionary<string, string?> { ["Orleans:DashboardPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var local = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using var page = await local.GetAsync(new Uri("/orleans/", UriKind.Relative));
        using var onTheApi = await host.Http.GetAsync(new Uri("/orleans/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("html", (await page.Content.ReadAsStringAsync()).ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, onTheApi.StatusCode);
    }

    [Fact]
    public async Task Dashboard_ByDefault_IsOff()
    {
        await using var host = await TriageServiceHost.StartAsync(_data);

        using var onTheApi = await host.Http.GetAsync(new Uri("/orleans/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, onTheApi.StatusCode);
    }
}
