using System.Data;
using DuckDB.NET.Data;

namespace Triage.Analytics.Projection;

/// <summary>
/// The analytics projection in an embedded DuckDB file: append-only fact tables fed from the
/// global ledger in its order, and the position reached. DuckDB was chosen over the journal's own
/// SQLite file by measurement (ADR 0009): per-case aggregation of a year's events runs in a fraction
/// of the time. One connection, one caller at a time.
/// </summary>
public sealed class AnalyticsStore : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS case_facts (
            pos BIGINT NOT NULL, case_key VARCHAR NOT NULL, occurred_at TIMESTAMP NOT NULL, type VARCHAR NOT NULL,
            disposition VARCHAR, specialty VARCHAR, model_version VARCHAR, policy_version VARCHAR,
            red_flags VARCHAR, reason VARCHAR, age_months DOUBLE, hospital VARCHAR, province VARCHAR,
            guardian BOOLEAN, physician_key VARCHAR, signed_by_physician BOOLEAN, final_disposition VARCHAR, final_specialty VARCHAR);
        CREATE TABLE IF NOT EXISTS physician_facts (
            pos BIGINT NOT NULL, physician_key VARCHAR NOT NULL, occurred_at TIMESTAMP NOT NULL, hospital VARCHAR NOT NULL, specialties VARCHAR NOT NULL);
        CREATE TABLE IF NOT EXISTS projection_state (position BIGINT NOT NULL, ledger_hash VARCHAR NOT NULL);
        CREATE TABLE IF NOT EXISTS projection_version (version INTEGER NOT NULL);
        """;

    /// <summary>
    /// The shape of the facts and the summary. A file of another version is thrown away and rebuilt
    /// from the journals: it is derived data, so a rebuild is its migration.
    /// </summary>
    public const int Version = 2;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _path;
    private readonly int? _threads;
    private DuckDBConnection? _connection;
    private long _lastUse;

    /// <summary>
    /// Opens (creating if needed) the projection at <paramref name="path"/>; <c>:memory:</c> keeps it in
    /// memory. <paramref name="threads"/> caps DuckDB's worker threads (default: one per core): inside the
    /// service, one, so that analytics never take the cores the triage needs.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="threads">DuckDB's worker threads, or null for its default.</param>
    /// <param name="openNow">False to open on first use instead (the service: an open DuckDB slowed the triage on 2 cores by half, measured).</param>
    public AnalyticsStore(string path, int? threads = null, bool openNow = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path != ":memory:")
        {
            path = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }

        (_path, _threads) = (path, threads);
        if (openNow)
        {
            Open();
        }
    }

    /// <summary>True while the file is open.</summary>
    public bool IsOpen => _connection is not null;

    /// <summary>Closes the file when nobody used it for <paramref name="idle"/>; it opens again on the next use.</summary>
    public async Task CloseIfIdleAsync(TimeSpan idle, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clock);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection is not null && clock.GetElapsedTime(Interlocked.Read(ref _lastUse)) >= idle)
            {
                _connection.Dispose();
                _connection = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Open()
    {
        _connection = new DuckDBConnection($"Data Source={_path}");
        _connection.Open();
        if (_threads is > 0)
        {
            Execute(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"SET threads TO {_threads}"));
        }

        Execute(Schema);
        if (ReadVersion() != Version)
        {
            Execute("DROP TABLE IF EXISTS case_summary; DROP TABLE case_facts; DROP TABLE physician_facts; DROP TABLE projection_state; DROP TABLE projection_version;");
            Execute(Schema);
            Execute($"INSERT INTO projection_version VALUES ({Version})");
        }

        Execute(Queries.CaseSummary.Create);
    }

    private int? ReadVersion()
    {
        using var command = _connection!.CreateCommand();
        command.CommandText = "SELECT max(version) FROM projection_version";
        return command.ExecuteScalar() is int version ? version : null;
    }

    /// <summary>Where the projection of the journal database at <paramref name="journalPath"/> lives by default: beside it (<c>triage.db</c>, <c>triage.analytics.duckdb</c>).</summary>
    public static string PathBeside(string journalPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(journalPath);
        return Path.ChangeExtension(journalPath, null) + ".analytics.duckdb";
    }

    /// <summary>Runs <paramref name="work"/> with the connection, one caller at a time.</summary>
    public Task<T> UseAsync<T>(Func<DuckDBConnection, T> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return UseAsync(connection => Task.FromResult(work(connection)), cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> with the connection, one caller at a time, until its task ends.</summary>
    public async Task<T> UseAsync<T>(Func<DuckDBConnection, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection is null)
            {
                Open();
            }

            Interlocked.Exchange(ref _lastUse, TimeProvider.System.GetTimestamp());
            return await work(_connection!).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The ledger position projected so far and that entry's hash (0 and empty before anything).</summary>
    internal (long Position, string LedgerHash) ReadPosition()
    {
        using var command = _connection!.CreateCommand();
        command.CommandText = "SELECT position, ledger_hash FROM projection_state LIMIT 1";
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : (0, string.Empty);
    }

    /// <summary>Appends facts and moves the position to <paramref name="position"/>, all or nothing.</summary>
    internal void Append(IReadOnlyList<CaseFact> cases, IReadOnlyList<PhysicianFact> physicians, long position, string ledgerHash)
    {
        using var transaction = _connection!.BeginTransaction();
        using (var appender = _connection!.CreateAppender("case_facts"))
        {
            foreach (var f in cases)
            {
                appender.CreateRow()
                    .AppendValue(f.Position).AppendValue(f.CaseKey).AppendValue(f.At.UtcDateTime).AppendValue(f.Type)
                    .AppendValue(f.Disposition).AppendValue(f.Specialty).AppendValue(f.ModelVersion).AppendValue(f.PolicyVersion)
                    .AppendValue(f.RedFlags is null ? null : string.Join(',', f.RedFlags)).AppendValue(f.Reason).AppendValue(f.AgeMonths)
                    .AppendValue(f.Hospital).AppendValue(f.Province).AppendValue(f.Guardian).AppendValue(f.PhysicianKey).AppendValue(f.SignedByPhysician)
                    .AppendValue(f.FinalDisposition).AppendValue(f.FinalSpecialty)
                    .EndRow();
            }
        }

        using (var appender = _connection!.CreateAppender("physician_facts"))
        {
            foreach (var p in physicians)
            {
                appender.CreateRow()
                    .AppendValue(p.Position).AppendValue(p.PhysicianKey).AppendValue(p.At.UtcDateTime).AppendValue(p.Hospital).AppendValue(string.Join(',', p.Specialties))
                    .EndRow();
            }
        }

        var previous = ReadPosition().Position;
        using (var summary = _connection!.CreateCommand())
        {
            summary.Transaction = transaction;
            summary.CommandText = Queries.CaseSummary.Update(previous);
            summary.ExecuteNonQuery();
        }

        using (var command = _connection!.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM projection_state; INSERT INTO projection_state VALUES ($pos, $hash)";
            command.Parameters.Add(new DuckDBParameter("pos", position));
            command.Parameters.Add(new DuckDBParameter("hash", ledgerHash));
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Empties the projection, to rebuild it from the journals.</summary>
    internal void Clear() => Execute("DELETE FROM case_facts; DELETE FROM physician_facts; DELETE FROM projection_state; DELETE FROM case_summary;");

    private void Execute(string sql)
    {
        using var command = _connection!.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_connection is { } connection)
        {
            if (connection.State != ConnectionState.Closed)
            {
                connection.Close();
            }

            connection.Dispose();
            _connection = null;
        }

        _gate.Dispose();
    }
}
