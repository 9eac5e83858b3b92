using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Triage.Grains.Journal;

namespace Triage.Grains.Storage.Postgres;

/// <summary>
/// The journals in PostgreSQL, group-committed like the embedded file's. A batch takes the ledger's
/// advisory lock for its transaction: silos write the one global hash chain in turn, so the
/// continuity check of each journal is exact, and an append by a second activation of the same
/// case (a silo declared dead that was not) fails as a conflict instead of forking the journal.
/// </summary>
public sealed class PostgresJournal : IJournal, IAsyncDisposable
{
    /// <summary>At most this many appends share a transaction.</summary>
    public const int MaxBatch = 256;

    private readonly PostgresDatabase _database;
    private readonly GroupCommit _queue;

    /// <summary>The journals of <paramref name="database"/>.</summary>
    public PostgresJournal(PostgresDatabase database)
    {
        _database = database;
        _queue = new GroupCommit(batch => ReachableAsync(() => CommitBatchAsync(batch)), MaxBatch);
    }

    /// <summary>Transactions committed by group commit, and the appends they carried.</summary>
    public (long Transactions, long Appends) Committed => _queue.Committed;

    /// <inheritdoc />
    public Task<IReadOnlyList<JournalEntry>> ReadAsync(Guid key, CancellationToken cancellationToken = default) =>
        ReachableAsync(() => ReadStoredAsync(key, cancellationToken));

    // A database restarting or out of reach is "unavailable" to the caller, never an internal error.
    private static async Task<T> ReachableAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
        {
            throw new StorageUnavailableException("storage: the database cannot be reached; retry", e);
        }
    }

    private async Task<IReadOnlyList<JournalEntry>> ReadStoredAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT {JournalRows.EntryColumns} FROM case_events WHERE case_id = $1 ORDER BY seq", connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = key });
        var events = new List<JournalEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(JournalRows.ReadEntry(reader, 0));
        }

        return events;
    }

    /// <inheritdoc />
    public Task AppendAsync(Guid key, long expectedLastSequence, IReadOnlyList<JournalEntry> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return _queue.AppendAsync(new JournalAppend(key, expectedLastSequence, events), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _queue.DisposeAsync();

    // One transaction, a handful of round trips whatever the batch size: the lock, the ledger's head,
    // every journal's last sequence at once, then all entries and all ledger rows as arrays.
    private async Task<bool[]> CommitBatchAsync(IReadOnlyList<JournalAppend> batch)
    {
        await using var connection = await _database.OpenAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        long pos;
        string head;
        await using (var lockAndHead = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({PostgresDatabase.LedgerLock})"),
                new NpgsqlBatchCommand("SELECT pos, hash FROM ledger ORDER BY pos DESC LIMIT 1"),
            },
        })
        await using (var reader = await lockAndHead.ExecuteReaderAsync().ConfigureAwait(false))
        {
            await reader.NextResultAsync().ConfigureAwait(false);
            (pos, head) = await reader.ReadAsync().ConfigureAwait(false) ? (reader.GetInt64(0), reader.GetString(1)) : (0L, Ledger.Genesis);
        }

        var last = new Dictionary<Guid, long>();
        await using (var sequences = new NpgsqlCommand("SELECT case_id, MAX(seq) FROM case_events WHERE case_id = ANY($1) GROUP BY case_id", connection, transaction))
        {
            sequences.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. batch.Select(a => a.Key).Distinct()] });
            await using var reader = await sequences.ExecuteReaderAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                last[reader.GetGuid(0)] = reader.GetInt64(1);
            }
        }

        var stored = new bool[batch.Count];
        var rows = new Rows(batch.Sum(a => a.Events.Count));
        for (var i = 0; i < batch.Count; i++)
        {
            var append = batch[i];
            var current = last.GetValueOrDefault(append.Key);
            if (current != append.ExpectedLastSequence || !Continues(append, current))
            {
                continue;
            }

            foreach (var e in append.Events)
            {
                pos++;
                var hash = Ledger.Compute(head, append.Key, e.Sequence, e.Hash);
                rows.Add(append.Key, e, pos, head, hash);
                head = hash;
            }

            last[append.Key] = append.Events.Count > 0 ? append.Events[^1].Sequence : current;
            stored[i] = true;
        }

        if (rows.Count > 0)
        {
            var entries = new NpgsqlBatchCommand(
                """
                INSERT INTO case_events (case_id, seq, pos, type, occurred_at, actor, payload, prev_hash, hash)
                SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
                """);
            var ledger = new NpgsqlBatchCommand(
                """
                INSERT INTO ledger (pos, journal_key, seq, entry_hash, prev_hash, hash)
                SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::bigint[], $4::text[], $5::text[], $6::text[])
                """);
            rows.Bind(entries, ledger);
            await using var insert = new NpgsqlBatch(connection, transaction) { BatchCommands = { entries, ledger } };
            await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        return stored;
    }

    // The entries must number on from the journal's last one.
    private static bool Continues(JournalAppend append, long current)
    {
        for (var i = 0; i < append.Events.Count; i++)
        {
            if (append.Events[i].Sequence != current + 1 + i)
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Rows(int capacity)
    {
        private readonly List<Guid> _keys = new(capacity);
        private readonly List<long> _sequences = new(capacity);
        private readonly List<long> _positions = new(capacity);
        private readonly List<string> _types = new(capacity);
        private readonly List<string> _times = new(capacity);
        private readonly List<string> _actors = new(capacity);
        private readonly List<string> _payloads = new(capacity);
        private readonly List<string> _previous = new(capacity);
        private readonly List<string> _hashes = new(capacity);
        private readonly List<string> _ledgerPrevious = new(capacity);
        private readonly List<string> _ledgerHashes = new(capacity);

        public int Count => _keys.Count;

        public void Add(Guid key, JournalEntry e, long position, string ledgerPrevious, string ledgerHash)
        {
            _keys.Add(key);
            _sequences.Add(e.Sequence);
            _positions.Add(position);
            _types.Add(e.Type);
            _times.Add(HashChain.FormatTime(e.OccurredAt));
            _actors.Add(e.Actor);
            _payloads.Add(e.Payload);
            _previous.Add(e.PreviousHash);
            _hashes.Add(e.Hash);
            _ledgerPrevious.Add(ledgerPrevious);
            _ledgerHashes.Add(ledgerHash);
        }

        public void Bind(NpgsqlBatchCommand entries, NpgsqlBatchCommand ledger)
        {
            entries.Parameters.Add(Guids(_keys));
            entries.Parameters.Add(Longs(_sequences));
            entries.Parameters.Add(Longs(_positions));
            foreach (var texts in new[] { _types, _times, _actors, _payloads, _previous, _hashes })
            {
                entries.Parameters.Add(Texts(texts));
            }

            ledger.Parameters.Add(Longs(_positions));
            ledger.Parameters.Add(Guids(_keys));
            ledger.Parameters.Add(Longs(_sequences));
            ledger.Parameters.Add(Texts(_hashes));
            ledger.Parameters.Add(Texts(_ledgerPrevious));
            ledger.Parameters.Add(Texts(_ledgerHashes));
        }

        private static NpgsqlParameter<Guid[]> Guids(List<Guid> values) => new() { TypedValue = [.. values] };

        private static NpgsqlParameter<long[]> Longs(List<long> values) => new() { TypedValue = [.. values] };

        private static NpgsqlParameter<string[]> Texts(List<string> values) => new() { TypedValue = [.. values], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };
    }
}
