using System.Data.Common;
using System.Text.Json;
using Triage.Grains.Journal;
using Triage.Grains.Storage;

namespace Triage.Analytics.Projection;

/// <summary>
/// Keeps the analytics projection current with the journals: reads the global ledger after the
/// position already projected, in ledger order, and appends each event's facts. The projection is
/// derived data: <see cref="RebuildAsync"/> throws it away and replays every journal, and a ledger
/// that no longer holds the entry the projection stopped at (a different database) is rebuilt from.
/// The ledger is the embedded file's or, in cluster mode, PostgreSQL's: each silo's projection follows
/// the one global ledger, so every silo answers alike.
/// </summary>
public sealed class AnalyticsProjector(ILedgerDatabase journals, AnalyticsStore store)
{
    private const int BatchSize = 20_000;

    /// <summary>Events whose body could not be read (a broken journal): skipped, counted, never projected.</summary>
    public long UnreadableEvents { get; private set; }

    /// <summary>Projects every ledger entry not projected yet; returns the position reached.</summary>
    public Task<long> CatchUpAsync(CancellationToken cancellationToken = default) =>
        store.UseAsync(_ => ProjectNewEntriesAsync(cancellationToken), cancellationToken);

    /// <summary>Throws the projection away and replays the journals from the start.</summary>
    public Task<long> RebuildAsync(CancellationToken cancellationToken = default) =>
        store.UseAsync(_ =>
        {
            store.Clear();
            UnreadableEvents = 0;
            return ProjectNewEntriesAsync(cancellationToken);
        }, cancellationToken);

    // Called with the store held (UseAsync).
    private async Task<long> ProjectNewEntriesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await journals.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        var (position, hash) = store.ReadPosition();
        if (position > 0 && await LedgerHashAtAsync(connection, position, cancellationToken).ConfigureAwait(false) != hash)
        {
            store.Clear();
            position = 0;
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cases = new List<CaseFact>();
            var physicians = new List<PhysicianFact>();
            var last = (Position: position, Hash: string.Empty);
            await using (var read = connection.CreateCommand())
            {
                read.CommandText = """
                    SELECT l.pos, l.hash, e.case_id, e.seq, e.type, e.occurred_at, e.actor, e.payload, e.prev_hash, e.hash
                    FROM ledger l JOIN case_events e ON e.case_id = l.journal_key AND e.seq = l.seq
                    WHERE l.pos > @after ORDER BY l.pos LIMIT @limit
                    """;
                read.AddParameter("after", position);
                read.AddParameter("limit", BatchSize);
                await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    last = (reader.GetInt64(0), reader.GetString(1));
                    var key = JournalRows.ReadKey(reader, 2).ToString("N");
                    Project(last.Position, key, JournalRows.ReadEntry(reader, 3), cases, physicians);
                }
            }

            if (last.Position == position)
            {
                return position;
            }

            store.Append(cases, physicians, last.Position, last.Hash);
            position = last.Position;
        }
    }

    private void Project(long position, string key, JournalEntry entry, List<CaseFact> cases, List<PhysicianFact> physicians)
    {
        try
        {
            if (JournalFacts.IsPhysicianEvent(entry.Type))
            {
                if (JournalFacts.OfPhysician(position, key, entry) is { } standing)
                {
                    physicians.Add(standing);
                }
            }
            else if (JournalFacts.OfCase(position, key, entry) is { } fact)
            {
                cases.Add(fact);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException or ArgumentOutOfRangeException)
        {
            // The audit names the broken link; the evaluation counts what can be read.
            UnreadableEvents++;
        }
    }

    private static async Task<string?> LedgerHashAtAsync(DbConnection connection, long position, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT hash FROM ledger WHERE pos = @pos";
        command.AddParameter("pos", position);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }
}
