using Triage.Cli;
using Triage.Cli.Commands;

namespace Triage.EndToEnd.Tests;

/// <summary>The load command against the real service: what it reports when all is answered and when the service refuses.</summary>
public sealed class LoadCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "triage-load-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Load_AllAnswered_ReportsThroughputPercentilesAndNoErrors()
    {
        await using var host = await TriageServiceHost.StartAsync(_folder);
        using var output = new StringWriter();

        var exit = await LoadCommand.RunAsync(CommandLine.Parse(["load", "--url", host.GrpcAddress.ToString(), "--api-key", TriageServiceHost.KeyA, "--requests", "300", "--concurrency", "8"]), output, CancellationToken.None);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("requests 300, concurrency 8", text, StringComparison.Ordinal);
        Assert.Matches(@"latency ms: p50 [\d.]+, p95 [\d.]+, p99 [\d.]+, max [\d.]+", text);
        Assert.Contains("errors: none", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_ServiceRefusesSome_CountsThemByStatusAndFailsTheRun()
    {
        // A key allowed 20 calls and 20 a second: most of 400 at once are refused.
        await using var host = await TriageServiceHost.StartAsync(_folder, new Dictionary<string, string?>
        {
            ["Api:RateLimit:PerCallerPerSecond"] = "20",
            ["Api:RateLimit:PerCallerBurst"] = "20",
        });
        using var output = new StringWriter();

        var exit = await LoadCommand.RunAsync(CommandLine.Parse(["load", "--url", host.GrpcAddress.ToString(), "--api-key", TriageServiceHost.KeyA, "--requests", "400", "--concurrency", "16"]), output, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Matches(@"errors: ResourceExhausted \d+", output.ToString());
    }
}
