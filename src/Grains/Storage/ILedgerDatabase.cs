using System.Data.Common;

namespace Triage.Grains.Storage;

/// <summary>
/// The database that holds the journals and the global ledger, as the audit and the analytics
/// projection read it: the embedded SQLite file or, in cluster mode, PostgreSQL. The tables and
/// their columns are the same in both (<c>case_events</c>, <c>ledger</c>, <c>ledger_checkpoints</c>);
/// statements name their parameters <c>@name</c>, which both accept.
/// </summary>
public interface ILedgerDatabase
{
    /// <summary>An open connection for reading; the schema exists.</summary>
    Task<DbConnection> OpenReadAsync(CancellationToken cancellationToken = default);

    /// <summary>A read-only transaction whose reads all see one moment, while writers go on.</summary>
    Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="write"/> on an open connection, as this database's writers must (SQLite: one at a time).</summary>
    Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken = default);
}
