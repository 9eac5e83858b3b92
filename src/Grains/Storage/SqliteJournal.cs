using System.Globalization;
using Microsoft.Data.Sqlite;
using Triage.Grains.Cases;
using Triage.Grains.Journal;

namespace Triage.Grains.Storage;

/// <summary>The journals in the embedded SQLite file (table <c>case_events</c>, named when cases were its only user; its key column <c>case_id</c> holds any journal's key).</summary>
public sealed class SqliteJournal(SqliteDatabase database) : IJournal
{
    private const int SqliteConstraint = 19;

    /// <inheritdoc />
    public async Task<IReadOnlyList<JournalEntry>> ReadAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, type, occurred_at, actor, payload, prev_hash, hash FROM case_events WHERE case_id = $id ORDER BY seq";
        command.Parameters.AddWithValue("$id", key.ToString("N"));
        var events = new List<JournalEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(ReadEntry(reader, 0));
        }

        return events;
    }

    /// <summary>An entry from the columns seq, type, occurred_at, actor, payload, prev_hash, hash starting at <paramref name="first"/>.</summary>
    internal static JournalEntry ReadEntry(SqliteDataReader reader, int first) => new(
        reader.GetInt64(first),
        reader.GetString(first + 1),
        DateTimeOffset.Parse(reader.GetString(first + 2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        reader.GetString(first + 3),
        reader.GetString(first + 4),
        reader.GetString(first + 5),
        reader.GetString(first + 6));

    /// <inheritdoc />
    public Task AppendAsync(Guid key, long expectedLastSequence, IReadOnlyList<JournalEntry> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return database.WriteAsync(connection => AppendAsync(connection, key, expectedLastSequence, events, cancellationToken), cancellationToken);
    }

    private static async Task<bool> AppendAsync(SqliteConnection connection, Guid key, long expectedLastSequence, IReadOnlyList<JournalEntry> events, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var check = connection.CreateCommand())
        {
            check.Transaction = transaction;
            check.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM case_events WHERE case_id = $id";
            check.Parameters.AddWithValue("$id", key.ToString("N"));
            var last = (long)(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0L);
            if (last != expectedLastSequence)
            {
                throw new JournalConflictException();
            }
        }

        foreach (var e in events)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO case_events (case_id, seq, type, occurred_at, actor, payload, prev_hash, hash)
                VALUES ($id, $seq, $type, $at, $actor, $payload, $prev, $hash)
                """;
            insert.Parameters.AddWithValue("$id", key.ToString("N"));
            insert.Parameters.AddWithValue("$seq", e.Sequence);
            insert.Parameters.AddWithValue("$type", e.Type);
            insert.Parameters.AddWithValue("$at", HashChain.FormatTime(e.OccurredAt));
            insert.Parameters.AddWithValue("$actor", e.Actor);
            insert.Parameters.AddWithValue("$payload", e.Payload);
            insert.Parameters.AddWithValue("$prev", e.PreviousHash);
            insert.Parameters.AddWithValue("$hash", e.Hash);
            try
            {
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
            {
                throw new JournalConflictException("The journal was changed by another writer.", ex);
            }
        }

        SqliteLedger.Append(connection, transaction, key, events);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
