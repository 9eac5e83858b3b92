using System.Data;
using System.Data.Common;
using Npgsql;

namespace Triage.Grains.Storage.Postgres;

/// <summary>
/// Cluster mode's shared store: grain state, the journals and the global ledger in PostgreSQL, in
/// our own schema, created and migrated by the service at its first use (each step once, under an
/// advisory lock, so that silos starting together do not race).
/// </summary>
public sealed class PostgresDatabase : ILedgerDatabase, IAsyncDisposable
{
    /// <summary>The advisory lock that serialises ledger writers across silos (one hash chain).</summary>
    internal const long LedgerLock = 0x7472696167656c64;

    private const long MigrationLock = 0x747269616765736d;

    // Each step is applied once, in order; a step is never edited after release, only added to.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE grain_state (
            grain_type  text        NOT NULL,
            grain_id    text        NOT NULL,
            etag        text        NOT NULL,
            payload     text        NOT NULL,
            updated_at  timestamptz NOT NULL,
            PRIMARY KEY (grain_type, grain_id));
        CREATE TABLE case_events (
            case_id     uuid   NOT NULL,
            seq         bigint NOT NULL,
            pos         bigint NOT NULL,
            type        text   NOT NULL,
            occurred_at text   NOT NULL,
            actor       text   NOT NULL,
            payload     text   NOT NULL,
            prev_hash   text   NOT NULL,
            hash        text   NOT NULL,
            PRIMARY KEY (case_id, seq));
        CREATE TABLE ledger (
            pos         bigint PRIMARY KEY,
            journal_key uuid   NOT NULL,
            seq         bigint NOT NULL,
            entry_hash  text   NOT NULL,
            prev_hash   text   NOT NULL,
            hash        text   NOT NULL,
            UNIQUE (journal_key, seq));
        CREATE INDEX case_events_visit_lifecycle ON case_events (case_id, seq)
            WHERE type IN ('visit_booked', 'visit_assigned', 'visit_handed_back', 'visit_completed', 'visit_terminated');
        CREATE TABLE ledger_checkpoints (
            pos         bigint PRIMARY KEY,
            ledger_hash text   NOT NULL,
            made_at     text   NOT NULL,
            signature   text   NOT NULL);
        """,
    ];

    private readonly NpgsqlDataSource _source;
    private readonly SemaphoreSlim _migrated = new(1, 1);
    private volatile bool _ready;

    /// <summary>The database at <paramref name="connectionString"/>.</summary>
    public PostgresDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _source = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>The schema version this code writes.</summary>
    public static int SchemaVersion => Migrations.Length;

    /// <summary>An open connection; the schema is migrated first if it is not yet.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (!_ready)
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        return await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    async Task<DbConnection> ILedgerDatabase.OpenReadAsync(CancellationToken cancellationToken) => await OpenAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks>Repeatable read: every statement of the transaction sees the snapshot its first one took.</remarks>
    async Task<DbTransaction> ILedgerDatabase.BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    async Task<T> ILedgerDatabase.WriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await write(connection).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _source.DisposeAsync().ConfigureAwait(false);
        _migrated.Dispose();
    }

    // Statements without parameters, one batch (Npgsql runs one statement per command).
    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string statements, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var statement in statements.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await _migrated.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ready)
            {
                return;
            }

            await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock}); CREATE TABLE IF NOT EXISTS schema_version (version int NOT NULL)", cancellationToken).ConfigureAwait(false);

            int current;
            await using (var read = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", connection, transaction))
            {
                current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            }

            if (current > Migrations.Length)
            {
                throw new InvalidOperationException($"Storage:Postgres: the database's schema is version {current}, newer than this service's {Migrations.Length}");
            }

            for (var step = current; step < Migrations.Length; step++)
            {
                await ExecuteAsync(connection, transaction, Migrations[step] + $"; INSERT INTO schema_version VALUES ({step + 1})", cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _ready = true;
        }
        finally
        {
            _migrated.Release();
        }
    }
}
