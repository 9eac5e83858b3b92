using Microsoft.Data.Sqlite;
using Triage.Grains.Journal;

namespace Triage.Grains.Storage;

/// <summary>
/// The global ledger's rows in the SQLite file, written in the same transaction as the journal
/// entries they record (SQLite runs its commands synchronously, so these are plain calls).
/// </summary>
internal static class SqliteLedger
{
    /// <summary>Records <paramref name="events"/> of journal <paramref name="key"/> after the ledger's last entry.</summary>
    public static void Append(SqliteConnection connection, SqliteTransaction transaction, Guid key, IReadOnlyList<JournalEntry> events)
    {
        var previous = LastHash(connection, transaction);
        foreach (var e in events)
        {
            previous = Insert(connection, transaction, previous, key, e.Sequence, e.Hash);
        }
    }

    /// <summary>
    /// A file written before the ledger existed: its entries enter the ledger once, in the order they
    /// were stored, so that from now on a deleted tail or journal shows.
    /// </summary>
    public static void Backfill(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using (var count = connection.CreateCommand())
        {
            count.Transaction = transaction;
            count.CommandText = "SELECT (SELECT COUNT(*) FROM ledger), (SELECT COUNT(*) FROM case_events)";
            using var reader = count.ExecuteReader();
            reader.Read();
            if (reader.GetInt64(0) > 0 || reader.GetInt64(1) == 0)
            {
                return;
            }
        }

        var entries = new List<(Guid Key, long Sequence, string Hash)>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT case_id, seq, hash FROM case_events ORDER BY rowid";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                entries.Add((Guid.ParseExact(reader.GetString(0), "N"), reader.GetInt64(1), reader.GetString(2)));
            }
        }

        var previous = Ledger.Genesis;
        foreach (var (key, sequence, hash) in entries)
        {
            previous = Insert(connection, transaction, previous, key, sequence, hash);
        }

        transaction.Commit();
    }

    private static string LastHash(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var last = connection.CreateCommand();
        last.Transaction = transaction;
        last.CommandText = "SELECT hash FROM ledger ORDER BY pos DESC LIMIT 1";
        return last.ExecuteScalar() as string ?? Ledger.Genesis;
    }

    private static string Insert(SqliteConnection connection, SqliteTransaction transaction, string previous, Guid key, long sequence, string entryHash)
    {
        var hash = Ledger.Compute(previous, key, sequence, entryHash);
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO ledger (journal_key, seq, entry_hash, prev_hash, hash) VALUES ($key, $seq, $entry, $prev, $hash)";
        insert.Parameters.AddWithValue("$key", key.ToString("N"));
        insert.Parameters.AddWithValue("$seq", sequence);
        insert.Parameters.AddWithValue("$entry", entryHash);
        insert.Parameters.AddWithValue("$prev", previous);
        insert.Parameters.AddWithValue("$hash", hash);
        insert.ExecuteNonQuery();
        return hash;
    }
}
