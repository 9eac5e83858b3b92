namespace Triage.EndToEnd.Tests;

/// <summary>One running service shared by the API tests of a class.</summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "triage-e2e-" + Guid.NewGuid().ToString("N"));

    public TriageServiceHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TriageServiceHost.StartAsync(DataFolder);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        // Rejected requests write nothing, so a fixture that only saw bad input has no data folder.
        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }
}
