using System.Text.Json;
using Microsoft.Data.Sqlite;
using Triage.Grains.Journal;
using Triage.Grains.Storage;

namespace Triage.Analytics.Projection;

/// <summary>
/// Keeps the analytics projection current with the journals: reads the global ledger after the
/// position already projected, in ledger order, and appends each event's facts. The projection is
/// derived data: <see cref="RebuildAsync"/> throws it away and replays every journal, and a ledger
/// that no longer holds the entry the projection stopped at (a different database) is rebuilt from.
/// </summary>
public sealed class AnalyticsProjector(SqliteDatabase journals, AnalyticsStore store)
{
    private const int BatchSize = 20_000;

    /// <summary>Events whose body could not be read (a broken journal): skipped, counted, never projected.</summary>
    public long UnreadableEvents { get; private set; }

    /// <summary>Projects every ledger entry not projected yet; returns the position reached.</summary>
    public Task<long> CatchUpAsync(CancellationToken cancellationToken = default) =>
        store.UseAsync(_ => CatchUp(cancellationToken), cancellationToken);

    /// <summary>Throws the projection away and replays the journals from the start.</summary>
    public Task<long> RebuildAsync(CancellationToken cancellationToken = default) =>
        store.UseAsync(_ =>
        {
            store.Clear();
            UnreadableEvents = 0;
            return CatchUp(cancellationToken);
        }, cancellationToken);

    private long CatchUp(CancellationToken cancellationToken)
    {
        using var connection = journals.OpenAsync(cancellationToken).GetAwaiter().GetResult();
        var (position, hash) = store.ReadPosition();
        if (position > 0 && LedgerHashAt(connection, position) != hash)
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
            using (var read = connection.CreateCommand())
            {
                read.CommandText = """
                    SELECT l.pos, l.hash, e.case_id, e.seq, e.type, e.occurred_at, e.actor, e.payload, e.prev_hash, e.hash
                    FROM ledger l JOIN case_events e ON e.case_id = l.journal_key AND e.seq = l.seq
                    WHERE l.pos > $after ORDER BY l.pos LIMIT $limit
                    """;
                read.Parameters.AddWithValue("$after", position);
                read.Parameters.AddWithValue("$limit", BatchSize);
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    last = (reader.GetInt64(0), reader.GetString(1));
                    var key = reader.GetString(2);
                    Project(last.Position, key, SqliteJournal.ReadEntry(reader, 3), cases, physicians);
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

    private static string? LedgerHashAt(SqliteConnection connection, long position)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT hash FROM ledger WHERE pos = $pos";
        command.Parameters.AddWithValue("$pos", position);
        return command.ExecuteScalar() as string;
    }
}
