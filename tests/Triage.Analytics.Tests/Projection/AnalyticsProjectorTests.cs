using System.Text.Json;

namespace Triage.Analytics.Tests.Projection;

/// <summary>The projection is derived data: kept current as journals grow, and the same when rebuilt from the journals alone.</summary>
public sealed class AnalyticsProjectorTests : IDisposable
{
    private readonly SeededDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Projection_KeptCurrentInSteps_EqualsOneRebuiltFromTheJournals()
    {
        await _db.SeedAsync(1_200, seed: 1);
        await _db.Projector.CatchUpAsync();
        await _db.SeedAsync(1_300, seed: 2);
        var filter = SeededDatabase.Year("month", "disposition");
        var live = JsonSerializer.Serialize(await _db.Queries.RunAllAsync(filter));
        var facts = await CountFactsAsync();

        await _db.Projector.RebuildAsync();
        var rebuilt = JsonSerializer.Serialize(await _db.Queries.RunAllAsync(filter));

        Assert.Equal(live, rebuilt);
        Assert.Equal(facts, await CountFactsAsync());
        Assert.Contains("\"cases\":", live);
    }

    [Fact]
    public async Task NewEvents_AppearInTheNextQuery()
    {
        await _db.SeedAsync(100, seed: 3);
        var before = (await _db.Queries.RunAsync("volumes", SeededDatabase.Year())).Rows[0]["cases"];

        await _db.SeedAsync(50, seed: 4);
        var after = (await _db.Queries.RunAsync("volumes", SeededDatabase.Year())).Rows[0]["cases"];

        Assert.Equal(100, before);
        Assert.Equal(150, after);
    }

    [Fact]
    public async Task ProjectionOfAnotherVersion_IsRebuiltFromTheJournals()
    {
        await _db.SeedAsync(200, seed: 5);
        var before = (await _db.Queries.RunAsync("volumes", SeededDatabase.Year())).Rows[0]["cases"];
        await _db.Store.UseAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE projection_version SET version = 1; ALTER TABLE case_summary DROP COLUMN starts_off_whitelist";
            return command.ExecuteNonQuery();
        });
        var path = Path.Combine(_db.Folder, "triage.analytics.duckdb");
        _db.Store.Dispose();

        using var reopened = new Triage.Analytics.Projection.AnalyticsStore(path);
        var queries = new Triage.Analytics.Queries.EvaluationQueries(new Triage.Analytics.Projection.AnalyticsProjector(_db.Journals, reopened), reopened);
        var compliance = await queries.RunAsync("compliance", SeededDatabase.Year());
        var after = (await queries.RunAsync("volumes", SeededDatabase.Year())).Rows[0]["cases"];

        Assert.Equal(200, before);
        Assert.Equal(before, after);
        Assert.NotNull(Assert.Single(compliance.Rows)["not_whitelisted_at_start"]);
    }

    [Fact]
    public async Task ServiceStore_OpensAtFirstQuery_AndClosesWhenIdle()
    {
        await _db.SeedAsync(50, seed: 6);
        using var store = new Triage.Analytics.Projection.AnalyticsStore(Path.Combine(_db.Folder, "lazy.duckdb"), threads: 1, openNow: false);
        var queries = new Triage.Analytics.Queries.EvaluationQueries(new Triage.Analytics.Projection.AnalyticsProjector(_db.Journals, store), store);
        Assert.False(store.IsOpen);

        Assert.Equal(50, (await queries.RunAsync("volumes", SeededDatabase.Year())).Rows[0]["cases"]);
        Assert.True(store.IsOpen);
        await store.CloseIfIdleAsync(TimeSpan.FromHours(1), TimeProvider.System);
        Assert.True(store.IsOpen);
        await store.CloseIfIdleAsync(TimeSpan.Zero, TimeProvider.System);
        Assert.False(store.IsOpen);

        await _db.SeedAsync(10, seed: 7);
        Assert.Equal(60, (await queries.RunAsync("volumes", SeededDatabase.Year())).Rows[0]["cases"]);
    }

    private Task<long> CountFactsAsync() => _db.Store.UseAsync(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM case_facts) * 1000000 + (SELECT count(*) FROM physician_facts)";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    });
}
