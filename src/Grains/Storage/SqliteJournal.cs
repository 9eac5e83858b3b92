using System.Globalization;
using Microsoft.Data.Sqlite;
using Triage.Grains.Cases;
using Triage.Grains.Journal;

namespace Triage.Grains.Storage;

/// <summary>The journals in the embedded SQLite file (table <c>case_events</c>, named when cases were its only user; its key column <c>case_id</c> holds any journal's key).</summary>
public sealed class SqliteJournal(SqliteDatabase database) : IJournal
{
    private const int SqliteConstraint = 19;
    private static readonly string[] EntryColumns = ["$id", "$seq", "$type", "$at", "$actor", "$payload", "$prev", "$hash"];

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
    public static JournalEntry ReadEntry(SqliteDataReader reader, int first) => new(
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
        return AppendManyAsync([new JournalAppend(key, expectedLastSequence, events)], cancellationToken);
    }

    /// <summary>
    /// Appends to many journals in one transaction (one fsync): all of them or none. Each must continue
    /// its journal exactly; the first that does not throws <see cref="JournalConflictException"/> and
    /// nothing is written. Used by seeding; the batching writer of group commit builds on it.
    /// </summary>
    public Task AppendManyAsync(IReadOnlyList<JournalAppend> appends, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appends);
        return database.WriteAsync(connection => Task.FromResult(Append(connection, appends)), cancellationToken);
    }

    private static bool Append(SqliteConnection connection, IReadOnlyList<JournalAppend> appends)
    {
        using var transaction = connection.BeginTransaction();
        using var check = connection.CreateCommand();
        check.Transaction = transaction;
        check.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM case_events WHERE case_id = $id";
        var checkId = check.Parameters.Add("$id", SqliteType.Text);

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO case_events (case_id, seq, type, occurred_at, actor, payload, prev_hash, hash)
            VALUES ($id, $seq, $type, $at, $actor, $payload, $prev, $hash)
            """;
        var p = EntryColumns.Select(n => insert.Parameters.Add(n, n == "$seq" ? SqliteType.Integer : SqliteType.Text)).ToArray();
        using var ledger = new SqliteLedger.Writer(connection, transaction);

        foreach (var append in appends)
        {
            var id = append.Key.ToString("N");
            checkId.Value = id;
            if ((long)(check.ExecuteScalar() ?? 0L) != append.ExpectedLastSequence)
            {
                throw new JournalConflictException();
            }

            foreach (var e in append.Events)
            {
                p[0].Value = id;
                p[1].Value = e.Sequence;
                p[2].Value = e.Type;
                p[3].Value = HashChain.FormatTime(e.OccurredAt);
                p[4].Value = e.Actor;
                p[5].Value = e.Payload;
                p[6].Value = e.PreviousHash;
                p[7].Value = e.Hash;
                try
                {
                    insert.ExecuteNonQuery();
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
                {
                    throw new JournalConflictException("The journal was changed by another writer.", ex);
                }

                ledger.Add(append.Key, e.Sequence, e.Hash);
            }
        }

        transaction.Commit();
        return true;
    }
}
