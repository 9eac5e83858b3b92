using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Triage.Grains.Journal;
using Triage.Grains.Storage;

namespace Triage.Grains.Tests.Storage;

/// <summary>Tampering done directly in the database, each kind found by the audit of the journals against the global ledger.</summary>
public sealed class LedgerAuditTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("triage-audit-").FullName;
    private readonly SqliteDatabase _database;
    private readonly SqliteJournal _journal;
    private readonly Guid _a = Guid.NewGuid();
    private readonly Guid _b = Guid.NewGuid();

    public LedgerAuditTests()
    {
        _database = new SqliteDatabase(DatabasePath);
        _journal = new SqliteJournal(_database);
    }

    private string DatabasePath => Path.Combine(_folder, "triage.db");

    // Two journals appended in turns, as cases are: a1 b1 a2 b2 a3.
    private async Task<List<JournalEntry>> TwoJournalsAsync()
    {
        var a = new List<JournalEntry>();
        JournalEntry? b = null;
        for (var i = 0; i < 3; i++)
        {
            a.Add(await _journal.AppendNextAsync(_a, a.LastOrDefault(), "event", At.AddMinutes(i), "app-a", $"{{\"n\":{i}}}"));
            if (i < 2)
            {
                b = await _journal.AppendNextAsync(_b, b, "event", At.AddMinutes(i), "app-b", $"{{\"m\":{i}}}");
            }
        }

        return a;
    }

    // Edits entry 2 of journal A and recomputes its hash and every hash after it: the journal verifies again.
    private async Task RewriteSecondEntryAsync(List<JournalEntry> a)
    {
        var edited = HashChain.Next(a[0], a[1].Type, a[1].OccurredAt, a[1].Actor, "{\"n\":9}");
        var next = HashChain.Next(edited, a[2].Type, a[2].OccurredAt, a[2].Actor, a[2].Payload);
        foreach (var e in new[] { edited, next })
        {
            await ExecuteAsync(
                "UPDATE case_events SET payload = $payload, prev_hash = $prev, hash = $hash WHERE case_id = $id AND seq = $seq",
                ("$payload", e.Payload), ("$prev", e.PreviousHash), ("$hash", e.Hash), ("$id", _a.ToString("N")), ("$seq", e.Sequence));
        }
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        Assert.True(await command.ExecuteNonQueryAsync() > 0, "the tampering changed nothing");
    }

    [Fact]
    public async Task Verify_UntouchedJournals_IsIntact()
    {
        await TwoJournalsAsync();

        var result = await new LedgerAudit(_database).VerifyAsync();

        Assert.Equal(new AuditResult(true, 5, 2, null), result);
    }

    [Fact]
    public async Task Verify_LastEventOfACaseDeleted_NamesTheMissingEntry()
    {
        await TwoJournalsAsync();
        await ExecuteAsync("DELETE FROM case_events WHERE case_id = $id AND seq = 3", ("$id", _a.ToString("N")));

        var result = await new LedgerAudit(_database).VerifyAsync();

        Assert.False(result.Intact);
        Assert.Equal($"journal {_a:N} entry 3: recorded in the ledger, missing from the journal", result.FirstBrokenLink);
    }

    [Fact]
    public async Task Verify_WholeCaseDeleted_NamesItsFirstEntry()
    {
        await TwoJournalsAsync();
        await ExecuteAsync("DELETE FROM case_events WHERE case_id = $id", ("$id", _b.ToString("N")));

        var result = await new LedgerAudit(_database).VerifyAsync();

        Assert.Equal($"journal {_b:N} entry 1: recorded in the ledger, missing from the journal", result.FirstBrokenLink);
    }

    [Fact]
    public async Task Verify_EventEditedWithoutRehashing_BreaksItsJournal()
    {
        await TwoJournalsAsync();
        await ExecuteAsync("UPDATE case_events SET payload = '{\"n\":9}' WHERE case_id = $id AND seq = 2", ("$id", _a.ToString("N")));

        var result = await new LedgerAudit(_database).VerifyAsync();

        Assert.Equal($"journal {_a:N} entry 2: does not verify", result.FirstBrokenLink);
    }

    [Fact]
    public async Task Verify_ChainRewrittenWithRecomputedHashes_DiffersFromTheLedger()
    {
        var a = await TwoJournalsAsync();
        await RewriteSecondEntryAsync(a);

        Assert.True(HashChain.Verify(await _journal.ReadAsync(_a)));
        var result = await new LedgerAudit(_database).VerifyAsync();

        Assert.Equal($"journal {_a:N} entry 2: differs from what the ledger recorded", result.FirstBrokenLink);
    }

    [Fact]
    public async Task Open_FileWrittenBeforeTheLedger_RecordsItsEntriesOnce()
    {
        await TwoJournalsAsync();
        await ExecuteAsync("DELETE FROM ledger");

        using var reopened = new SqliteDatabase(DatabasePath);
        var result = await new LedgerAudit(reopened).VerifyAsync();

        Assert.Equal(new AuditResult(true, 5, 2, null), result);
    }

    [Fact]
    public async Task Verify_LedgerRebuiltAfterAChainRewrite_DiffersFromTheSignedCheckpoint()
    {
        var a = await TwoJournalsAsync();
        var signer = new CheckpointSigner(RandomNumberGenerator.GetBytes(32));
        var checkpoint = await new LedgerAudit(_database, signer).CheckpointAsync(At.AddHours(1));
        Assert.Equal(5, checkpoint!.Position);

        // The writer rewrites a case with recomputed hashes, empties the ledger and lets the file be
        // reopened, which records every entry again: journals and ledger agree once more.
        await RewriteSecondEntryAsync(a);

        await ExecuteAsync("DELETE FROM ledger");
        using var reopened = new SqliteDatabase(DatabasePath);
        Assert.Equal("ledger entry 5: differs from the checkpoint signed at " + HashChain.FormatTime(At.AddHours(1)), (await new LedgerAudit(reopened, signer).VerifyAsync()).FirstBrokenLink);

        // Deleting the stored checkpoint too fools the file alone, not the copy exported when it was made.
        await ExecuteAsync("DELETE FROM ledger_checkpoints");
        Assert.True((await new LedgerAudit(reopened, signer).VerifyAsync()).Intact);
        var result = await new LedgerAudit(reopened, signer).VerifyAsync([checkpoint]);

        Assert.Equal($"ledger entry 5: differs from the checkpoint signed at {HashChain.FormatTime(At.AddHours(1))}", result.FirstBrokenLink);
    }

    [Fact]
    public async Task Verify_CheckpointSignedWithAnotherKey_IsRefused()
    {
        await TwoJournalsAsync();
        var signer = new CheckpointSigner(RandomNumberGenerator.GetBytes(32));
        await new LedgerAudit(_database, new CheckpointSigner(RandomNumberGenerator.GetBytes(32))).CheckpointAsync(At);

        var result = await new LedgerAudit(_database, signer).VerifyAsync();

        Assert.Equal("checkpoint at ledger entry 5: the signature does not verify", result.FirstBrokenLink);
    }

    [Fact]
    public async Task Checkpoint_EmptyLedger_IsNone() =>
        Assert.Null(await new LedgerAudit(_database, new CheckpointSigner(RandomNumberGenerator.GetBytes(32))).CheckpointAsync(At));

    public void Dispose()
    {
        _database.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
