using System.Globalization;
using Microsoft.Data.Sqlite;
using Triage.Grains.Journal;

namespace Triage.Grains.Storage;

/// <summary>
/// The journals in the embedded SQLite file (table <c>case_events</c>, named when cases were its only
/// user; its key column <c>case_id</c> holds any journal's key). Appends are group-committed: those
/// that arrive while a transaction is being written wait and go together into the next one (one
/// fsync for all of them), and each caller is answered only once its transaction is durable.
/// </summary>
public sealed class SqliteJournal : IJournal, IAsyncDisposable
{
    /// <summary>At most this many appends share a transaction.</summary>
    public const int MaxBatch = 256;

    private const int SqliteConstraint = 19;
    private static readonly string[] EntryColumns = ["$id", "$seq", "$type", "$at", "$actor", "$payload", "$prev", "$hash"];
    private readonly SqliteDatabase _database;
    private readonly GroupCommit _queue;
    private EntryWriter? _writer;

    /// <summary>The journals of <paramref name="database"/>.</summary>
    public SqliteJournal(SqliteDatabase database)
    {
        _database = database;
        _queue = new GroupCommit(batch => database.WriteAsync(connection => Task.FromResult(CommitBatch(connection, batch))), MaxBatch);
    }

    /// <summary>Transactions committed by group commit, and the appends they carried.</summary>
    public (long Transactions, long Appends) Committed => _queue.Committed;

    /// <inheritdoc />
    public async Task<IReadOnlyList<JournalEntry>> ReadAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {JournalRows.EntryColumns} FROM case_events WHERE case_id = $id ORDER BY seq";
        command.Parameters.AddWithValue("$id", key.ToString("N"));
        var events = new List<JournalEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(JournalRows.ReadEntry(reader, 0));
        }

        return events;
    }

    /// <inheritdoc />
    /// <remarks>Answered once the transaction that carries it is committed; a conflict fails this append alone.</remarks>
    public Task AppendAsync(Guid key, long expectedLastSequence, IReadOnlyList<JournalEntry> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return _queue.AppendAsync(new JournalAppend(key, expectedLastSequence, events), cancellationToken);
    }

    /// <summary>
    /// Appends to many journals in one transaction (one fsync): all of them or none. Each must continue
    /// its journal exactly; the first that does not throws <see cref="JournalConflictException"/> and
    /// nothing is written. Used by seeding.
    /// </summary>
    public Task AppendManyAsync(IReadOnlyList<JournalAppend> appends, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appends);
        return _database.WriteAsync(
            connection =>
            {
                using var transaction = connection.BeginTransaction();
                var writer = WriterOn(connection, transaction);
                var last = new Dictionary<Guid, long>();
                foreach (var append in appends)
                {
                    if (!writer.Continues(append, last))
                    {
                        throw new JournalConflictException();
                    }

                    writer.Write(append, last);
                }

                transaction.Commit();
                return Task.FromResult(true);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _queue.DisposeAsync().ConfigureAwait(false);
        _writer?.Dispose();
    }

    // Each append is checked first against its journal as stored (and as this batch has already
    // continued it), and only those that continue it are written: a conflicting append fails alone
    // without a savepoint per append, which cost two more statements each. An insert that still
    // conflicts (entries that do not follow one another) rolls the whole transaction back and the
    // batch is written again with a savepoint per append.
    private bool[] CommitBatch(SqliteConnection connection, IReadOnlyList<JournalAppend> batch)
    {
        try
        {
            return CommitChecked(connection, batch);
        }
        catch (JournalConflictException)
        {
            return CommitWithSavepoints(connection, batch);
        }
    }

    private bool[] CommitChecked(SqliteConnection connection, IReadOnlyList<JournalAppend> batch)
    {
        var stored = new bool[batch.Count];
        var last = new Dictionary<Guid, long>(batch.Count);
        using var transaction = connection.BeginTransaction();
        var writer = WriterOn(connection, transaction);
        for (var i = 0; i < batch.Count; i++)
        {
            var append = batch[i];
            if (!writer.Continues(append, last))
            {
                continue;
            }

            writer.Write(append, last);
            stored[i] = true;
        }

        transaction.Commit();
        return stored;
    }

    private bool[] CommitWithSavepoints(SqliteConnection connection, IReadOnlyList<JournalAppend> batch)
    {
        var stored = new bool[batch.Count];
        using var transaction = connection.BeginTransaction();
        var writer = WriterOn(connection, transaction);
        for (var i = 0; i < batch.Count; i++)
        {
            var savepoint = "a" + i.ToString(CultureInfo.InvariantCulture);
            var head = writer.LedgerHead;
            transaction.Save(savepoint);
            try
            {
                if (writer.Continues(batch[i], null))
                {
                    writer.Write(batch[i], null);
                    stored[i] = true;
                }

                transaction.Release(savepoint);
            }
            catch (JournalConflictException)
            {
                transaction.Rollback(savepoint);
                transaction.Release(savepoint);
                writer.LedgerHead = head;
            }
        }

        transaction.Commit();
        return stored;
    }

    // The writer's statements are prepared once per connection: the database keeps one connection for
    // its writes, so they are prepared once, not once per transaction. Called under the write lock only.
    private EntryWriter WriterOn(SqliteConnection connection, SqliteTransaction transaction)
    {
        if (_writer?.Connection != connection)
        {
            _writer?.Dispose();
            _writer = new EntryWriter(connection);
        }

        _writer.Begin(transaction);
        return _writer;
    }

    // The prepared commands of the writes: the continuity check, the entry, its ledger row.
    private sealed class EntryWriter : IDisposable
    {
        private readonly SqliteCommand _check;
        private readonly SqliteParameter _checkId;
        private readonly SqliteCommand _insert;
        private readonly SqliteParameter[] _values;
        private readonly SqliteLedger.Writer _ledger;

        public EntryWriter(SqliteConnection connection)
        {
            Connection = connection;
            _check = connection.CreateCommand();
            _check.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM case_events WHERE case_id = $id";
            _checkId = _check.Parameters.Add("$id", SqliteType.Text);
            _insert = connection.CreateCommand();
            _insert.CommandText = """
                INSERT INTO case_events (case_id, seq, type, occurred_at, actor, payload, prev_hash, hash)
                VALUES ($id, $seq, $type, $at, $actor, $payload, $prev, $hash)
                """;
            _values = [.. EntryColumns.Select(n => _insert.Parameters.Add(n, n == "$seq" ? SqliteType.Integer : SqliteType.Text))];
            _ledger = new SqliteLedger.Writer(connection);
        }

        public SqliteConnection Connection { get; }

        public string LedgerHead
        {
            get => _ledger.Head;
            set => _ledger.Head = value;
        }

        public void Begin(SqliteTransaction transaction)
        {
            _check.Transaction = transaction;
            _insert.Transaction = transaction;
            _ledger.Begin(transaction);
        }

        // Whether the append continues its journal: as this transaction has already continued it when
        // it did (in <paramref name="written"/>), otherwise as stored.
        public bool Continues(JournalAppend append, Dictionary<Guid, long>? written)
        {
            if (written is not null && written.TryGetValue(append.Key, out var last))
            {
                return last == append.ExpectedLastSequence;
            }

            _checkId.Value = append.Key.ToString("N");
            return (long)(_check.ExecuteScalar() ?? 0L) == append.ExpectedLastSequence;
        }

        // Writes the append's entries and notes, in <paramref name="written"/>, where they left its journal.
        public void Write(JournalAppend append, Dictionary<Guid, long>? written)
        {
            var id = append.Key.ToString("N");
            foreach (var e in append.Events)
            {
                _values[0].Value = id;
                _values[1].Value = e.Sequence;
                _values[2].Value = e.Type;
                _values[3].Value = HashChain.FormatTime(e.OccurredAt);
                _values[4].Value = e.Actor;
                _values[5].Value = e.Payload;
                _values[6].Value = e.PreviousHash;
                _values[7].Value = e.Hash;
                try
                {
                    _insert.ExecuteNonQuery();
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
                {
                    throw new JournalConflictException("The journal was changed by another writer.", ex);
                }

                _ledger.Add(append.Key, e.Sequence, e.Hash);
            }

            if (written is not null && append.Events.Count > 0)
            {
                written[append.Key] = append.Events[^1].Sequence;
            }
        }

        public void Dispose()
        {
            _check.Dispose();
            _insert.Dispose();
            _ledger.Dispose();
        }
    }
}
