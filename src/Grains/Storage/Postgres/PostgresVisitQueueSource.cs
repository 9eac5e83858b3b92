using Npgsql;
using Triage.Domain.Classification;
using Triage.Domain.Evaluation;
using Triage.Grains.Visits;

namespace Triage.Grains.Storage.Postgres;

/// <summary>
/// Reads a queue off the case journals in PostgreSQL, as <see cref="SqliteVisitQueueSource"/> does
/// off the file: the last visit-lifecycle event of each case booked at the hospital in the specialty
/// decides; handed-back cases first (the latest first), then bookings in ledger order.
/// </summary>
public sealed class PostgresVisitQueueSource(PostgresDatabase database) : IVisitQueueSource
{
    /// <inheritdoc />
    public async Task<VisitQueueState> ReadAsync(string hospital, Specialty specialty, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(hospital);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"""
            WITH visit AS (
                SELECT pos, case_id, seq, type, payload FROM case_events
                WHERE type IN ({SqliteDatabase.VisitLifecycleTypes})),
            booked AS (
                SELECT case_id, min(pos) AS booked_pos FROM visit
                WHERE type = '{VisitEventTypes.Booked}' AND payload::jsonb ->> 'hospital' = $1 AND payload::jsonb ->> 'specialty' = $2
                GROUP BY case_id),
            last AS (
                SELECT v.case_id, max(v.seq) AS seq FROM visit v JOIN booked b USING (case_id) GROUP BY v.case_id)
            SELECT v.case_id, v.type, v.payload FROM last JOIN visit v USING (case_id, seq) JOIN booked b USING (case_id)
            WHERE v.type IN ('{VisitEventTypes.Booked}', '{VisitEventTypes.HandedBack}', '{VisitEventTypes.Assigned}')
            ORDER BY (v.type = '{VisitEventTypes.HandedBack}') DESC, CASE WHEN v.type = '{VisitEventTypes.HandedBack}' THEN -v.pos ELSE b.booked_pos END
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = hospital.ToUpperInvariant() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = LabelNames.Of(specialty) });
        var state = new VisitQueueState();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            state.Add(reader.GetGuid(0), reader.GetString(1), reader.GetString(2));
        }

        return state;
    }
}
