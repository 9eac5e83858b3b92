using Npgsql;
using Triage.Grains.Journal;
using Triage.Grains.Storage.Postgres;
using Triage.Grains.Tests.Servers;

namespace Triage.Grains.Tests.Storage;

/// <summary>Cluster mode's journal on a real PostgreSQL server: group commit, exact continuity, one global ledger for every silo.</summary>
[Trait("Category", "Slow")]
public sealed class PostgresJournalTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    private PostgresServer _server = null!;
    private string _connectionString = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        await _server.CreateDatabaseAsync("journal");
        _connectionString = _server.ConnectionString("journal");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AppendAsync_ManyAtOnce_ShareTransactions_AndEveryOneIsStoredChainedAndInTheLedger()
    {
        await using var database = new PostgresDatabase(_connectionString);
        await using var journal = new PostgresJournal(database);
        var keys = Enumerable.Range(0, 500).Select(_ => Guid.NewGuid()).ToList();
        var firsts = keys.Select(_ => HashChain.Next(null, "opened", At, "app-a", "{}")).ToList();
        var seconds = firsts.Select(f => HashChain.Next(f, "assessed", At, "app-a", "{\"d\":1}")).ToList();

        await Task.WhenAll(keys.Select((k, i) => journal.AppendAsync(k, 0, [firsts[i], seconds[i]])));

        var (transactions, appends) = journal.Committed;
        Assert.Equal(500, appends);
        Assert.True(transactions < appends, $"{transactions} transactions for {appends} appends");
        for (var i = 0; i < keys.Count; i += 50)
        {
            Assert.Equal([firsts[i], seconds[i]], await journal.ReadAsync(keys[i]));
        }

        Assert.Equal(1000, await LedgerChainLengthAsync());
    }

    [Fact]
    public async Task AppendAsync_ConflictInsideABatch_FailsThatAppendAlone_AndAGapIsRefused()
    {
        await using var database = new PostgresDatabase(_connectionString);
        await using var journal = new PostgresJournal(database);
        var contested = Guid.NewGuid();
        var others = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToList();
        var calls = others.Select(k => journal.AppendAsync(k, 0, [HashChain.Next(null, "opened", At, "app-a", "{}")]))
            .Append(journal.AppendAsync(contested, 0, [HashChain.Next(null, "opened", At, "app-a", "{\"a\":1}")]))
            .Append(journal.AppendAsync(contested, 0, [HashChain.Next(null, "opened", At, "app-b", "{\"b\":1}")]))
            .ToList();
        var outcomes = await Task.WhenAll(calls.Select(Outcome));

        Assert.Equal(51, outcomes.Count(o => o));
        Assert.Single(await journal.ReadAsync(contested));
        var first = (await journal.ReadAsync(others[0]))[0];
        // Expecting sequence 1 but numbering from 3: refused, nothing written.
        var gap = HashChain.Next(HashChain.Next(first, "x", At, "app-a", "{}"), "y", At, "app-a", "{}");
        await Assert.ThrowsAsync<JournalConflictException>(() => journal.AppendAsync(others[0], 1, [gap]));
        Assert.Single(await journal.ReadAsync(others[0]));
        Assert.Equal(51, await LedgerChainLengthAsync());
    }

    [Fact]
    public async Task TwoSilosWritingAtOnce_OneGlobalLedger_AndTheSecondActivationOfACaseIsRefused()
    {
        // Two services on one database, as two silos: each migrates (once between them) and group-commits.
        await using var database1 = new PostgresDatabase(_connectionString);
        await using var database2 = new PostgresDatabase(_connectionString);
        await using var silo1 = new PostgresJournal(database1);
        await using var silo2 = new PostgresJournal(database2);
        var keys = Enumerable.Range(0, 300).Select(_ => Guid.NewGuid()).ToList();
        // Every case is written by both silos at once, as two activations of one grain would:
        // exactly one of each pair may be stored.
        var calls = keys.SelectMany(k => new[]
        {
            silo1.AppendAsync(k, 0, [HashChain.Next(null, "opened", At, "silo-1", "{}")]),
            silo2.AppendAsync(k, 0, [HashChain.Next(null, "opened", At, "silo-2", "{}")]),
        }).ToList();
        var outcomes = await Task.WhenAll(calls.Select(Outcome));

        Assert.Equal(300, outcomes.Count(o => o));
        Assert.Equal(300, outcomes.Count(o => !o));
        foreach (var k in keys.Take(30))
        {
            Assert.Single(await silo1.ReadAsync(k));
        }

        Assert.Equal(300, await LedgerChainLengthAsync());
    }

    private static async Task<bool> Outcome(Task append)
    {
        try
        {
            await append;
            return true;
        }
        catch (JournalConflictException)
        {
            return false;
        }
    }

    // Recomputes the ledger from genesis over the stored rows; fails at the first row that does not chain.
    private async Task<int> LedgerChainLengthAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pos, journal_key, seq, entry_hash, prev_hash, hash FROM ledger ORDER BY pos", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var previous = Ledger.Genesis;
        var count = 0;
        while (await reader.ReadAsync())
        {
            count++;
            Assert.Equal(count, reader.GetInt64(0));
            Assert.Equal(previous, reader.GetString(4));
            var hash = Ledger.Compute(previous, reader.GetGuid(1), reader.GetInt64(2), reader.GetString(3));
            Assert.Equal(hash, reader.GetString(5));
            previous = hash;
        }

        return count;
    }
}
