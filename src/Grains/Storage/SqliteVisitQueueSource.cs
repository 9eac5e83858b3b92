using System.Globalization;
using Triage.Domain.Classification;
using Triage.Domain.Evaluation;
using Triage.Grains.Visits;

namespace Triage.Grains.Storage;

/// <summary>
/// Reads a queue off the case journals in the SQLite file: for each case, its last visit-lifecycle
/// event (a partial index holds only those) decides whether it waits, is open with a physician, or
/// has ended. Waiting cases come in the order the queue serves them: the latest hand-back first
/// (as a running queue puts it), then bookings in the order they were recorded.
/// </summary>
public sealed class SqliteVisitQueueSource(SqliteDatabase database) : IVisitQueueSource
{
    /// <inheritdoc />
    public async Task<VisitQueueState> ReadAsync(string hospital, Specialty specialty, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(hospital);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            WITH visit AS (
                SELECT rowid AS row, case_id, seq, type, payload FROM case_events
                WHERE type IN ({SqliteDatabase.VisitLifecycleTypes})),
            booked AS (
                SELECT case_id, min(row) AS booked_row FROM visit
                WHERE type = '{VisitEventTypes.Booked}' AND json_extract(payload, '$.hospital') = $hospital AND json_extract(payload, '$.specialty') = $specialty
                GROUP BY case_id),
            last AS (
                SELECT v.case_id, max(v.seq) AS seq FROM visit v JOIN booked b USING (case_id) GROUP BY v.case_id)
            SELECT v.case_id, v.type, v.payload FROM last JOIN visit v USING (case_id, seq) JOIN booked b USING (case_id)
            WHERE v.type IN ('{VisitEventTypes.Booked}', '{VisitEventTypes.HandedBack}', '{VisitEventTypes.Assigned}')
            ORDER BY v.type = '{VisitEventTypes.HandedBack}' DESC, CASE WHEN v.type = '{VisitEventTypes.HandedBack}' THEN -v.row ELSE b.booked_row END
            """;
        command.Parameters.AddWithValue("$hospital", hospital.ToUpperInvariant());
        command.Parameters.AddWithValue("$specialty", LabelNames.Of(specialty));
        var state = new VisitQueueState();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            state.Add(Guid.ParseExact(reader.GetString(0), "N"), reader.GetString(1), reader.GetString(2));
        }

        return state;
    }
}
