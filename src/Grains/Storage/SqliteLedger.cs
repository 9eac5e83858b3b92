using Microsoft.Data.Sqlite;
using Triage.Grains.Journal;

namespace Triage.Grains.Storage;

/// <summary>
/// The global ledger's rows in the SQLite file, written in the same transaction as the journal
/// entries they record (SQLite runs its commands synchronously, so these are plain calls).
/// </summary>
internal static class SqliteLedger
{
    /// <summary>Adds ledger entries after the ledger's last one, inside the caller's transaction, with one prepared command.</summary>
    public sealed class Writer : IDisposable
    {
        private static readonly string[] Columns = ["$key", "$seq", "$entry", "$prev", "$hash"];
        private readonly SqliteCommand _last;
        private readonly SqliteCommand _insert;
        private readonly SqliteParameter[] _values;
        private string _previous = Ledger.Genesis;

        /// <summary>
        /// A writer on <paramref name="connection"/>, its statements prepared once for every transaction it
        /// writes in; <see cref="Begin"/> starts each.
        /// </summary>
        public Writer(SqliteConnection connection)
        {
            ArgumentNullException.ThrowIfNull(connection);
            _last = connection.CreateCommand();
            _last.CommandText = "SELECT hash FROM ledger ORDER BY pos DESC LIMIT 1";
            _insert = connection.CreateCommand();
            _insert.CommandText = "INSERT INTO ledger (journal_key, seq, entry_hash, prev_hash, hash) VALUES ($key, $seq, $entry, $prev, $hash)";
            _values = [.. Columns.Select(n => _insert.Parameters.Add(n, n == "$seq" ? SqliteType.Integer : SqliteType.Text))];
        }

        /// <summary>Writes next in <paramref name="transaction"/>, after the ledger's last entry as stored.</summary>
        public void Begin(SqliteTransaction transaction)
        {
            _last.Transaction = transaction;
            _insert.Transaction = transaction;
            _previous = _last.ExecuteScalar() as string ?? Ledger.Genesis;
        }

        /// <summary>Records entry <paramref name="sequence"/> of journal <paramref name="key"/>.</summary>
        public void Add(Guid key, long sequence, string entryHash)
        {
            var hash = Ledger.Compute(_previous, key, sequence, entryHash);
            _values[0].Value = key.ToString("N");
            _values[1].Value = sequence;
            _values[2].Value = entryHash;
            _values[3].Value = _previous;
            _values[4].Value = hash;
            _insert.ExecuteNonQuery();
            _previous = hash;
        }

        /// <summary>The ledger's last hash as this writer holds it; set back when entries written after it are rolled back.</summary>
        public string Head
        {
            get => _previous;
            set => _previous = value;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            _last.Dispose();
            _insert.Dispose();
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
            // Existence, not counts: this runs at every open, and counting a year of events takes a while.
            count.CommandText = "SELECT EXISTS (SELECT 1 FROM ledger), EXISTS (SELECT 1 FROM case_events)";
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

        using var ledger = new Writer(connection);
        ledger.Begin(transaction);
        foreach (var (key, sequence, hash) in entries)
        {
            ledger.Add(key, sequence, hash);
        }

        transaction.Commit();
    }
}
