using Triage.Analytics.Projection;
using Triage.Analytics.Queries;
using Triage.Analytics.Seeding;
using Triage.Grains.Storage;

namespace Triage.Analytics.Tests;

/// <summary>A journal database in a temporary folder with its projection beside it, seeded with a synthetic year on demand.</summary>
public sealed class SeededDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("triage-analytics-").FullName;

    public SeededDatabase()
    {
        Journals = new SqliteDatabase(Path.Combine(_folder, "triage.db"));
        Journal = new SqliteJournal(Journals);
        Store = new AnalyticsStore(Path.Combine(_folder, "triage.analytics.duckdb"));
        Projector = new AnalyticsProjector(Journals, Store);
        Queries = new EvaluationQueries(Projector, Store);
    }

    public SqliteDatabase Journals { get; }

    public SqliteJournal Journal { get; }

    public AnalyticsStore Store { get; }

    public AnalyticsProjector Projector { get; }

    public EvaluationQueries Queries { get; }

    public string Folder => _folder;

    public static AnalyticsFilter Year(params string[] groupBy) => new() { From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 12, 31), GroupBy = groupBy };

    public Task<SeedTally> SeedAsync(int cases, int seed = 7) => new SyntheticYear(Journal, seed).WriteAsync(cases);

    public void Dispose()
    {
        Store.Dispose();
        Journals.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
