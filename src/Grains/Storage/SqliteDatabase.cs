using Microsoft.Data.Sqlite;

namespace Triage.Grains.Storage;

/// <summary>
/// The embedded default's single SQLite file: our own small schema for grain state and case
/// journals. WAL mode lets readers proceed while a case appends.
/// </summary>
public sealed class SqliteDatabase
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type  TEXT NOT NULL,
            grain_id    TEXT NOT NULL,
            etag        TEXT NOT NULL,
            payload     TEXT NOT NULL,
            updated_at  TEXT NOT NULL,
            PRIMARY KEY (grain_type, grain_id)
        );
        CREATE TABLE IF NOT EXISTS case_events (
            case_id     TEXT    NOT NULL,
            seq         INTEGER NOT NULL,
            type        TEXT    NOT NULL,
            occurred_at TEXT    NOT NULL,
            actor       TEXT    NOT NULL,
            payload     TEXT    NOT NULL,
            prev_hash   TEXT    NOT NULL,
            hash        TEXT    NOT NULL,
            PRIMARY KEY (case_id, seq)
        );
        """;

    private readonly string _connectionString;
    private readonly Lazy<bool> _created;

    /// <summary>Opens (and on first use creates) the database at <paramref name="path"/>.</summary>
    public SqliteDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, DefaultTimeout = 30 }.ToString();
        _created = new Lazy<bool>(() =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Schema;
            command.ExecuteNonQuery();
            return true;
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>An open connection; the schema exists.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        _ = _created.Value;
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }
}
