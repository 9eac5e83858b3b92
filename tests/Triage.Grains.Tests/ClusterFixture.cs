using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Grains.Hosting;
using Triage.Grains.Physicians;

namespace Triage.Grains.Tests;

/// <summary>An in-process Orleans test cluster over a fresh SQLite file, with a faked clock of its own.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private const string FixtureKey = "Tests:Fixture";

    // Test-cluster configurators are created by type: each finds its fixture by the key in the silo's configuration.
    private static readonly ConcurrentDictionary<string, ClusterFixture> Running = new();

    private readonly string _id = Guid.NewGuid().ToString("N");

    public TestCluster Cluster { get; private set; } = null!;

    /// <summary>This cluster's clock, starting at 2026-06-01 10:00 in Beijing.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), "triage-grains-" + Guid.NewGuid().ToString("N"), "triage.db");

    /// <summary>Today's Beijing date by this cluster's clock.</summary>
    public DateOnly Today => BeijingCalendar.DateOf(Clock.GetUtcNow());

    /// <summary>A physician meeting every whitelist rule today.</summary>
    public PhysicianRecord Qualified(string hospital = "BCH", Specialty specialty = Specialty.Dermatology, DateOnly? licenceUntil = null) => new()
    {
        LicenceNumber = "110000000000001",
        LicenceSpecialties = [specialty],
        LicenceValidUntil = licenceUntil ?? Today.AddYears(2),
        Hospital = hospital,
        Title = "attending",
        IndependentPracticeSince = Today.AddYears(-5),
        InternetFollowUpSince = Today.AddYears(-2),
        TrainingPassedOn = Today.AddMonths(-1),
    };

    /// <summary>A face-recognition check of <paramref name="physicianId"/> made now by this cluster's clock.</summary>
    public Visits.RealNameCheck RealNameCheckOf(string physicianId) =>
        new("face_recognition", "bch-face-id", physicianId, Clock.GetUtcNow(), "tx-" + Guid.NewGuid().ToString("N")[..16]);

    public async Task InitializeAsync()
    {
        Running[_id] = this;
        var builder = new TestClusterBuilder(1);
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { [FixtureKey] = _id }));
        Cluster = builder.AddSiloBuilderConfigurator<SiloConfigurator>().Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Running.TryRemove(_id, out _);
        Directory.Delete(Path.GetDirectoryName(DatabasePath)!, recursive: true);
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var fixture = Running[siloBuilder.Configuration[FixtureKey] ?? throw new InvalidOperationException("no test fixture key in the silo's configuration")];
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:SqlitePath"] = fixture.DatabasePath })
                .Build();
            siloBuilder.Services.AddKeyedSingleton<TimeProvider>(TriageSiloBuilderExtensions.ClockKey, fixture.Clock);
            siloBuilder.AddTriageGrains(configuration);
        }
    }
}
