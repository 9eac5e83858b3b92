using System.Globalization;
using System.Numerics;
using DuckDB.NET.Data;
using Triage.Analytics.Projection;

namespace Triage.Analytics.Queries;

/// <summary>
/// The pilot evaluation's questions, answered from the projection and de-identified: every result
/// is groups of cases with counts and times, a group of fewer than <see cref="MinimumGroupSize"/>
/// cases is left out (and counted as left out), and no case, patient, physician or text is ever selected.
/// </summary>
public sealed class EvaluationQueries(AnalyticsProjector projector, AnalyticsStore store)
{
    /// <summary>Groups smaller than this are suppressed.</summary>
    public const int MinimumGroupSize = 5;

    /// <summary>The queries by name, as the API routes name them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["volumes", "redirections", "red_flags", "funnel", "visits", "agreement", "agreement_matrix", "compliance", "workload"];

    private const string Redirected = "disposition IN ('emergency', 'offline', 'out_of_scope')";
    private const string Booked = "booked_at IS NOT NULL";

    /// <summary>Runs the query <paramref name="name"/> (one of <see cref="Names"/>).</summary>
    public async Task<AnalyticsTable> RunAsync(string name, AnalyticsFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(filter));
        }

        await projector.CatchUpAsync(cancellationToken).ConfigureAwait(false);
        return await store.UseAsync(connection => Run(connection, name, filter), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every query over the same filter, from one consistent projection.</summary>
    public async Task<IReadOnlyDictionary<string, AnalyticsTable>> RunAllAsync(AnalyticsFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(filter));
        }

        await projector.CatchUpAsync(cancellationToken).ConfigureAwait(false);
        return await store.UseAsync(
            connection => (IReadOnlyDictionary<string, AnalyticsTable>)Names.ToDictionary(n => n, n => Run(connection, n, filter), StringComparer.Ordinal),
            cancellationToken).ConfigureAwait(false);
    }

    private static AnalyticsTable Run(DuckDBConnection connection, string name, AnalyticsFilter filter) => name switch
    {
        "volumes" => Suppress(name, Select(connection, filter, "case_summary", null, [], """
            count(*) AS cases, sum(assessments) AS assessments,
            count(*) FILTER (WHERE disposition = 'online') AS online, count(*) FILTER (WHERE disposition = 'emergency') AS emergency,
            count(*) FILTER (WHERE disposition = 'offline') AS offline, count(*) FILTER (WHERE disposition = 'out_of_scope') AS out_of_scope,
            count(*) FILTER (WHERE disposition = 'needs_info') AS needs_info,
            count(booked_at) AS booked, count(started_at) AS started, count(completed_at) AS completed, count(terminated_at) AS terminated
            """)),
        "redirections" => Suppress(name, Select(connection, filter, "case_summary", Redirected,
            [("redirected_to", "disposition"), ("reason", "coalesce(reason, 'none')")], "count(*) AS cases")),
        "red_flags" => Suppress(name, Select(connection, filter,
            "(SELECT *, unnest(string_split(red_flags, ',')) AS red_flag FROM case_summary WHERE red_flags IS NOT NULL AND red_flags <> '')",
            Redirected, [("redirected_to", "disposition"), ("red_flag", "red_flag")], "count(*) AS cases")),
        "funnel" => Suppress(name, Select(connection, filter, "case_summary", "disposition = 'online'", [], """
            count(*) AS cases, count(booked_at) AS booked, count(started_at) AS started, count(completed_at) AS completed,
            quantile_cont(epoch(booked_at - opened_at) / 60, 0.5) AS to_booking_minutes_median,
            quantile_cont(epoch(booked_at - opened_at) / 60, 0.9) AS to_booking_minutes_p90,
            quantile_cont(epoch(started_at - booked_at) / 60, 0.5) AS to_start_minutes_median,
            quantile_cont(epoch(started_at - booked_at) / 60, 0.9) AS to_start_minutes_p90,
            quantile_cont(epoch(completed_at - started_at) / 60, 0.5) AS to_completion_minutes_median,
            quantile_cont(epoch(completed_at - started_at) / 60, 0.9) AS to_completion_minutes_p90,
            quantile_cont(epoch(completed_at - opened_at) / 60, 0.5) AS assessment_to_completion_minutes_median,
            quantile_cont(epoch(completed_at - opened_at) / 60, 0.9) AS assessment_to_completion_minutes_p90
            """)),
        "visits" => Suppress(name, Select(connection, filter, "case_summary", Booked, [], """
            count(*) AS cases, count(started_at) AS started,
            count(*) FILTER (WHERE alerts > 0) AS alerted_cases, sum(alerts) AS alerts, sum(emergency_alerts) AS emergency_alerts,
            count(*) FILTER (WHERE termination_reason = 'emergency') AS terminated_emergency,
            count(*) FILTER (WHERE termination_reason = 'unsuitable_online') AS terminated_unsuitable_online,
            count(*) FILTER (WHERE termination_reason = 'condition_changed') AS terminated_condition_changed,
            count(*) FILTER (WHERE disposition = 'online' AND termination_reason = 'emergency') AS hazardous_misses,
            sum(acknowledgements) AS continued_after_alert, sum(handed_back) AS handed_back
            """)),
        "agreement_matrix" => Suppress(name, AgreementCells(connection, filter)),
        "agreement" => Suppress(name, Agreement(AgreementCells(connection, filter))),
        "compliance" => Suppress(name, Select(connection, filter, "case_summary", Booked, [], """
            count(*) AS cases, count(started_at) AS started,
            sum(starts_off_whitelist) AS not_whitelisted_at_start,
            count(*) FILTER (WHERE guardian_at_booking IS DISTINCT FROM true) AS without_guardian,
            sum(prescriptions) AS prescriptions, sum(unsigned_prescriptions) AS unsigned_prescriptions,
            sum(prescriptions_after_unacknowledged_alert) AS prescriptions_after_unacknowledged_alert
            """)),
        "workload" => Suppress(name, Select(connection, filter, "case_summary", "started_at IS NOT NULL", [], """
            count(*) AS cases, count(DISTINCT physician_key) AS physicians,
            count(*) / count(DISTINCT physician_key) AS visits_per_physician,
            count(completed_at) AS completed, count(terminated_at) AS terminated,
            quantile_cont(epoch(coalesce(completed_at, terminated_at) - started_at) / 60, 0.5) AS consultation_minutes_median
            """)),
        _ => throw new ArgumentException($"query: unknown (one of {string.Join(", ", Names)})", nameof(name)),
    };

    // The raw cells of both confusion matrices (disposition, specialty), before suppression: kappa needs them all.
    private static AnalyticsTable AgreementCells(DuckDBConnection connection, AnalyticsFilter filter)
    {
        var source = """
            (SELECT *, 'disposition' AS axis, disposition AS service_value, physician_disposition AS physician_value FROM case_summary WHERE physician_disposition IS NOT NULL
             UNION ALL
             SELECT *, 'specialty' AS axis, specialty AS service_value, final_specialty AS physician_value FROM case_summary WHERE final_specialty IS NOT NULL)
            """;
        var keys = WithModelVersion(filter);
        return Select(connection, filter with { GroupBy = keys }, source, null,
            [("axis", "axis"), ("service", "service_value"), ("physician", "physician_value")], "count(*) AS cases");
    }

    // Cohen's kappa per group, model version and axis, from every cell of its matrix.
    private static AnalyticsTable Agreement(AnalyticsTable cells)
    {
        var groupKeys = cells.Keys.Where(k => k is not "service" and not "physician").ToList();
        var rows = new List<AnalyticsRow>();
        foreach (var group in cells.Rows.GroupBy(r => string.Join('\u001f', groupKeys.Select(k => r.Keys[k]))))
        {
            var n = group.Sum(r => r["cases"] ?? 0);
            var agreed = group.Where(r => r.Keys["service"] == r.Keys["physician"]).Sum(r => r["cases"] ?? 0);
            var labels = group.SelectMany(r => new[] { r.Keys["service"], r.Keys["physician"] }).Distinct().ToList();
            var expected = labels.Sum(l => group.Where(r => r.Keys["service"] == l).Sum(r => r["cases"] ?? 0) / n * (group.Where(r => r.Keys["physician"] == l).Sum(r => r["cases"] ?? 0) / n));
            var observed = agreed / n;
            double? kappa = expected >= 1 ? null : (observed - expected) / (1 - expected);
            rows.Add(new AnalyticsRow(
                groupKeys.ToDictionary(k => k, k => group.First().Keys[k]),
                new Dictionary<string, double?> { ["cases"] = n, ["agreed"] = agreed, ["observed_agreement"] = observed, ["kappa"] = kappa }));
        }

        return new AnalyticsTable("agreement", groupKeys, ["cases", "agreed", "observed_agreement", "kappa"], rows, 0);
    }

    private static List<string> WithModelVersion(AnalyticsFilter filter) =>
        filter.GroupBy.Contains(AnalyticsDimension.ModelVersion) ? [.. filter.GroupBy] : [.. filter.GroupBy, AnalyticsDimension.ModelVersion];

    private static AnalyticsTable Select(DuckDBConnection connection, AnalyticsFilter filter, string source, string? condition, IReadOnlyList<(string Name, string Expression)> extraKeys, string measures)
    {
        var keys = filter.GroupBy.Select(d => (Name: d, Expression: CaseSummary.ColumnOf(d))).Concat(extraKeys).ToList();
        using var command = connection.CreateCommand();
        var where = new List<string> { "opened_date BETWEEN $from AND $to" };
        command.Parameters.Add(new DuckDBParameter("from", filter.From.ToDateTime(TimeOnly.MinValue)));
        command.Parameters.Add(new DuckDBParameter("to", filter.To.ToDateTime(TimeOnly.MinValue)));
        var i = 0;
        foreach (var (dimension, value) in filter.Where.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            where.Add($"{CaseSummary.ColumnOf(dimension)} = $w{i}");
            command.Parameters.Add(new DuckDBParameter($"w{i}", value));
            i++;
        }

        if (condition is not null)
        {
            where.Add(condition);
        }

        var keyList = string.Join(", ", keys.Select(k => $"coalesce(CAST({k.Expression} AS VARCHAR), 'unknown') AS \"{k.Name}\""));
        var groupBy = keys.Count == 0 ? string.Empty : $" GROUP BY ALL ORDER BY {string.Join(", ", Enumerable.Range(1, keys.Count))}";
        command.CommandText = $"SELECT {(keys.Count == 0 ? string.Empty : keyList + ", ")}{measures} FROM {source} WHERE {string.Join(" AND ", where)}{groupBy}";

        using var reader = command.ExecuteReader();
        var measureNames = Enumerable.Range(keys.Count, reader.FieldCount - keys.Count).Select(reader.GetName).ToList();
        var rows = new List<AnalyticsRow>();
        while (reader.Read())
        {
            var rowKeys = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var k = 0; k < keys.Count; k++)
            {
                rowKeys[keys[k].Name] = reader.GetString(k);
            }

            var values = new Dictionary<string, double?>(StringComparer.Ordinal);
            for (var m = keys.Count; m < reader.FieldCount; m++)
            {
                values[reader.GetName(m)] = reader.IsDBNull(m) ? null : reader.GetValue(m) switch
                {
                    BigInteger sum => (double)sum, // DuckDB sums integers as HUGEINT
                    var v => Convert.ToDouble(v, CultureInfo.InvariantCulture),
                };
            }

            // An aggregate over no rows still answers one row of zeros: an empty group is not a group.
            if (values["cases"] is > 0)
            {
                rows.Add(new AnalyticsRow(rowKeys, values));
            }
        }

        return new AnalyticsTable(string.Empty, [.. keys.Select(k => k.Name)], measureNames, rows, 0);
    }

    private static AnalyticsTable Suppress(string name, AnalyticsTable table)
    {
        var shown = table.Rows.Where(r => r["cases"] >= MinimumGroupSize).ToList();
        return table with { Query = name, Rows = shown, SuppressedGroups = table.Rows.Count - shown.Count };
    }
}
