using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Triage.Grains.Hosting;

namespace Triage.Grains.Tests;

/// <summary>An in-process Orleans test cluster over a fresh SQLite file, with the policy's clock faked.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    // Test-cluster configurators are created by type, so they read the per-run path from here.
    private static string _databasePath = string.Empty;

    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

    public TestCluster Cluster { get; private set; } = null!;

    public static string DatabasePath => _databasePath;

    public async Task InitializeAsync()
    {
        _databasePath = Path.Combine(Path.GetTempPath(), "triage-grains-" + Guid.NewGuid().ToString("N"), "triage.db");
        Cluster = new TestClusterBuilder(1).AddSiloBuilderConfigurator<SiloConfigurator>().Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(_databasePath)!, recursive: true);
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:SqlitePath"] = _databasePath })
                .Build();
            siloBuilder.Services.AddKeyedSingleton<TimeProvider>(TriageSiloBuilderExtensions.ClockKey, Clock);
            siloBuilder.AddTriageGrains(configuration);
        }
    }
}
