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

    [Fact]
    public async Task AppendAsync_ManyAtOnce_ShareTransactions_AndEveryOneIsStoredChainedAndInTheLedger()
    {
        var keys = Enumerable.Range(0, 500).Select(_ => Guid.NewGuid()).ToList();
        var entries = keys.Select(k => HashChain.Next(null, "opened", At, "app-a", "{}")).ToList();

        await Task.WhenAll(keys.Select((k, i) => _journal.AppendAsync(k, 0, [entries[i]])));

        var (transactions, appends) = _journal.Committed;
        Assert.Equal(500, appends);
        // Group commit: the appends waiting while one transaction was written went into the next together.
        Assert.True(transactions < appends, $"{transactions} transactions for {appends} appends");
        for (var i = 0; i < keys.Count; i++)
        {
            Assert.Equal([entries[i]], await _journal.ReadAsync(keys[i]));
        }

        var audit = await new LedgerAudit(_database, new CheckpointSigner(new byte[32])).VerifyAsync();
        Assert.True(audit.Intact, audit.FirstBrokenLink);
    }

    [Fact]
    public async Task AppendAsync_ConflictInsideABatch_FailsThatAppendAlone()
    {
        var contested = Guid.NewGuid();
        var others = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToList();
        var a = HashChain.Next(null, "opened", At, "app-a", "{\"a\":1}");
        var b = HashChain.Next(null, "opened", At, "app-b", "{\"b\":1}");

        var calls = others.Select(k => _journal.AppendAsync(k, 0, [HashChain.Next(null, "opened", At, "app-a", "{}")]))
            .Append(_journal.AppendAsync(contested, 0, [a]))
            .Append(_journal.AppendAsync(contested, 0, [b]))
            .ToList();
        var outcomes = await Task.WhenAll(calls.Select(async c =>
        {
            try
            {
                await c;
                return "stored";
            }
            catch (JournalConflictException)
            {
                return "conflict";
            }
        }));

        Assert.Equal(51, outcomes.Count(o => o == "stored"));
        Assert.Equal(1, outcomes.Count(o => o == "conflict"));
        Assert.Single(await _journal.ReadAsync(contested));
        foreach (var k in others)
        {
            Assert.Single(await _journal.ReadAsync(k));
        }

        // The rolled-back append left no ledger row: the ledger still chains over exactly what is stored.
        var audit = await new LedgerAudit(_database, new CheckpointSigner(new byte[32])).VerifyAsync();
        Assert.True(audit.Intact, audit.FirstBrokenLink);
    }

    [Fact]
    public async Task AppendAsync_EntriesThatDoNotFollowOneAnother_FailThatAppendAlone_AndTheRestOfItsBatchIsStored()
    {
        var others = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToList();
        var broken = Guid.NewGuid();
        // Both entries claim sequence 1: the journal's check passes, the second insert conflicts, and the
        // batch is written again with a savepoint per append.
        var twice = new[] { HashChain.Next(null, "opened", At, "app-a", "{}"), HashChain.Next(null, "opened", At, "app-a", "{\"again\":1}") };

        var calls = others.Select(k => _journal.AppendAsync(k, 0, [HashChain.Next(null, "opened", At, "app-a", "{}")]))
            .Append(_journal.AppendAsync(broken, 0, twice))
            .ToList();
        var failed = await Assert.ThrowsAsync<JournalConflictException>(() => calls[^1]);

        Assert.NotNull(failed);
        await Task.WhenAll(calls.Take(others.Count));
        Assert.Empty(await _journal.ReadAsync(broken));
        foreach (var k in others)
        {
            Assert.Single(await _journal.ReadAsync(k));
        }

        var audit = await new LedgerAudit(_database, new CheckpointSigner(new byte[32])).VerifyAsync();
        Assert.True(audit.Intact, audit.FirstBrokenLink);
    }

    public void Dispose()
    {
        _journal.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
