using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Triage.Grains.Storage;

/// <summary>
/// The embedded default's single SQLite file: our own small schema for grain state, the journals and
/// the global ledger. WAL mode lets readers proceed while a case appends.
/// </summary>
public sealed class SqliteDatabase : ILedgerDatabase, IDisposable
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
        CREATE TABLE IF NOT EXISTS ledger (
            pos         INTEGER PRIMARY KEY,
            journal_key TEXT    NOT NULL,
            seq         INTEGER NOT NULL,
            entry_hash  TEXT    NOT NULL,
            prev_hash   TEXT    NOT NULL,
            hash        TEXT    NOT NULL,
            UNIQUE (journal_key, seq)
        );
        CREATE INDEX IF NOT EXISTS case_events_visit_lifecycle ON case_events (case_id, seq)
            WHERE type IN ('visit_booked', 'visit_assigned', 'visit_handed_back', 'visit_completed', 'visit_terminated');
        CREATE TABLE IF NOT EXISTS ledger_checkpoints (
            pos         INTEGER PRIMARY KEY,
            ledger_hash TEXT    NOT NULL,
            made_at     TEXT    NOT NULL,
            signature   TEXT    NOT NULL
        );
        """;

    /// <summary>The visit events that move a case in or out of a queue, as an SQL list (the partial index's).</summary>
    internal const string VisitLifecycleTypes = "'visit_booked', 'visit_assigned', 'visit_handed_back', 'visit_completed', 'visit_terminated'";

    // SQLite has one writer at a time; queueing writers here is far cheaper than SQLite's busy
    // back-off, which sleeps and made tail latency under concurrent appends hundreds of ms.
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly string _connectionString;

    // The writes' one connection, kept open so that the journal's prepared statements live across
    // transactions instead of being prepared again for each group commit. Reopened after a write
    // that failed, in case the failure left the connection unusable.
    private SqliteConnection? _writeConnection;
    private readonly Lazy<bool> _created;

    /// <summary>Opens (and on first use creates) the database at <paramref name="path"/>.</summary>
    public SqliteDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, DefaultTimeout = 30 }.ToString();
        _created = new Lazy<bool>(() =>
        {
            CreateOwnerOnly(full);
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Schema;
            command.ExecuteNonQuery();
            SqliteLedger.Backfill(connection);
            return true;
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    // Complaints and messages are in this file: it is made readable by the service's own user only
    // (SQLite gives its -wal and -shm files the same mode), in a folder only that user can enter.
    private static void CreateOwnerOnly(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (!File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
    }

    /// <summary>Runs <paramref name="write"/> on an open connection, one writer at a time.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _writeConnection ??= await OpenAsync(cancellationToken).ConfigureAwait(false);
            return await write(_writeConnection).ConfigureAwait(false);
        }
        catch
        {
            if (_writeConnection is not null)
            {
                await _writeConnection.DisposeAsync().ConfigureAwait(false);
                _writeConnection = null;
            }

            throw;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>An open connection for reading; the schema exists.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        _ = _created.Value;
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <inheritdoc />
    async Task<DbConnection> ILedgerDatabase.OpenReadAsync(CancellationToken cancellationToken) => await OpenAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks>A deferred transaction: it takes no lock until its first read, and in WAL mode that read's snapshot holds for the rest.</remarks>
    Task<DbTransaction> ILedgerDatabase.BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    /// <inheritdoc />
    Task<T> ILedgerDatabase.WriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken) =>
        WriteAsync(connection => write(connection), cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        _writeConnection?.Dispose();
        _writer.Dispose();
    }
}
