using System.Globalization;
using Triage.Grains.Cases;
using Triage.Grains.Hosting;
using Triage.Grains.Journal;
using Triage.Grains.Visits;

namespace Triage.Grains.Storage;

/// <summary>
/// Counts, for a dry run, the cases whose retention period is over: each case is a medical record if
/// it reached a consultation, a process record otherwise, and is due only when its last event is
/// older than its period. Nothing is deleted here: deleting would also need the ledger to record it.
/// </summary>
public sealed class SqliteRetention(SqliteDatabase database, RetentionOptions options)
{
    /// <summary>What is due as of <paramref name="asOf"/> (a Beijing date).</summary>
    public async Task<RetentionReport> DryRunAsync(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        if (options.Problem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        // Due when the last event is before the same day the given number of years ago.
        var medicalCutoff = HashChain.FormatTime(new DateTimeOffset(asOf.AddYears(-options.MedicalRecordYears).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)));
        var processCutoff = HashChain.FormatTime(new DateTimeOffset(asOf.AddYears(-options.ProcessRecordYears).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)));
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT
                count(*) FILTER (WHERE medical),
                count(*) FILTER (WHERE medical AND last_at < $medical),
                count(*) FILTER (WHERE NOT medical),
                count(*) FILTER (WHERE NOT medical AND last_at < $process)
            FROM (
                SELECT max(occurred_at) AS last_at, max(type = '{VisitEventTypes.Started}') AS medical
                FROM case_events GROUP BY case_id HAVING max(type = '{CaseEventTypes.Opened}'))
            """;
        command.Parameters.AddWithValue("$medical", medicalCutoff);
        command.Parameters.AddWithValue("$process", processCutoff);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new RetentionReport(asOf, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>The report as one line, counts only.</summary>
    public static string Describe(RetentionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(CultureInfo.InvariantCulture,
            $"as of {report.AsOf:yyyy-MM-dd}: medical records {report.MedicalRecords:N0}, due {report.MedicalRecordsDue:N0}; process records {report.ProcessRecords:N0}, due {report.ProcessRecordsDue:N0} (dry run: nothing removed)");
    }
}
