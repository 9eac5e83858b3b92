using Triage.Grains.Journal;
using Triage.Grains.Storage;

namespace Triage.Grains.Tests.Storage;

/// <summary>The journal on a real SQLite file: appends continue a journal exactly, or fail as a conflict and write nothing.</summary>
public sealed class SqliteJournalTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("triage-journal-").FullName;
    private readonly SqliteDatabase _database;
    private readonly SqliteJournal _journal;

    public SqliteJournalTests()
    {
        _database = new SqliteDatabase(Path.Combine(_folder, "journal.db"));
        _journal = new SqliteJournal(_database);
    }

    [Fact]
    public async Task AppendAsync_AfterAnotherWriterAppended_ThrowsConflictAndWritesNothing()
    {
        var key = Guid.NewGuid();
        var first = HashChain.Next(null, "opened", At, "app-a", "{}");
        await _journal.AppendAsync(key, 0, [first]);

        // A second writer still holding the empty journal tries to start it again.
        var stale = HashChain.Next(null, "opened", At.AddSeconds(1), "app-b", "{\"other\":true}");
        await Assert.ThrowsAsync<JournalConflictException>(() => _journal.AppendAsync(key, 0, [stale]));

        var stored = await _journal.ReadAsync(key);
        Assert.Equal([first], stored);
        Assert.True(HashChain.Verify(stored));
    }

    [Fact]
    public async Task AppendAsync_ExpectingASequenceNotYetWritten_ThrowsConflict()
    {
        var key = Guid.NewGuid();
        var first = HashChain.Next(null, "opened", At, "app-a", "{}");

        await Assert.ThrowsAsync<JournalConflictException>(() => _journal.AppendAsync(key, 1, [HashChain.Next(first, "assessed", At, "app-a", "{}")]));

        Assert.Empty(await _journal.ReadAsync(key));
    }

    [Fact]
    public async Task AppendAsync_ABatch_IsStoredWholeAndChained()
    {
        var key = Guid.NewGuid();
        var first = HashChain.Next(null, "opened", At, "app-a", "{}");
        var second = HashChain.Next(first, "assessed", At, "app-a", "{\"d\":1}");

        await _journal.AppendAsync(key, 0, [first, second]);
        var third = await _journal.AppendNextAsync(key, second, "answered", At.AddMinutes(1), "app-a", "{}");

        var stored = await _journal.ReadAsync(key);
        Assert.Equal([first, second, third], stored);
        Assert.Equal(second.Hash, third.PreviousHash);
        Assert.True(HashChain.Verify(stored));
        Assert.Empty(await _journal.ReadAsync(Guid.NewGuid()));
    }

    public void Dispose()
    {
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
