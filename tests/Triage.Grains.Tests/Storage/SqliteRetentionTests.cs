using Triage.Grains.Cases;
using Triage.Grains.Hosting;
using Triage.Grains.Journal;
using Triage.Grains.Storage;
using Triage.Grains.Visits;

namespace Triage.Grains.Tests.Storage;

/// <summary>The retention dry run counts what is due by the policy's periods and never counts a record within its period.</summary>
public sealed class SqliteRetentionTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "triage-retention-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteDatabase _database;
    private readonly SqliteJournal _journal;

    public SqliteRetentionTests()
    {
        _database = new SqliteDatabase(Path.Combine(_folder, "triage.db"));
        _journal = new SqliteJournal(_database);
    }

    public void Dispose()
    {
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task CaseAsync(DateTimeOffset at, bool consulted)
    {
        var id = Guid.NewGuid();
        var opened = await _journal.AppendNextAsync(id, null, CaseEventTypes.Opened, at, "app", "{}");
        if (consulted)
        {
            await _journal.AppendNextAsync(id, opened, VisitEventTypes.Started, at.AddHours(1), "doc", "{}");
        }
    }

    [Fact]
    public async Task DryRun_CountsOnlyRecordsPastTheirPeriod()
    {
        var at2020 = new DateTimeOffset(2020, 3, 1, 2, 0, 0, TimeSpan.Zero);
        await CaseAsync(at2020, consulted: false);                       // process record, due after 2023-03
        await CaseAsync(at2020, consulted: true);                        // medical record, due after 2035-03
        await CaseAsync(at2020.AddYears(6), consulted: false);           // 2026: within its period
        var retention = new SqliteRetention(_database, new RetentionOptions());

        var now = await retention.DryRunAsync(new DateOnly(2026, 12, 2));
        var later = await retention.DryRunAsync(new DateOnly(2035, 3, 2));

        Assert.Equal(new RetentionReport(new DateOnly(2026, 12, 2), 1, 0, 2, 1), now);
        Assert.Equal(new RetentionReport(new DateOnly(2035, 3, 2), 1, 1, 2, 2), later);
        Assert.Equal(new RetentionReport(new DateOnly(2023, 2, 28), 1, 0, 2, 0), await retention.DryRunAsync(new DateOnly(2023, 2, 28)));
    }

    [Fact]
    public async Task DryRun_PeriodsShorterThanThePolicy_AreRefusedNamingTheSetting()
    {
        var retention = new SqliteRetention(_database, new RetentionOptions { ProcessRecordYears = 1 });

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => retention.DryRunAsync(new DateOnly(2026, 12, 2)));

        Assert.StartsWith("Retention:ProcessRecordYears", e.Message);
    }
}
