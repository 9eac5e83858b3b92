using Triage.Analytics.Queries;

namespace Triage.Analytics.Report;

/// <summary>
/// The figures of the pilot's evaluation report for a date range: each section is one de-identified
/// query, fetched the same way whether the report is made in process over a stopped database or
/// against a running service.
/// </summary>
public sealed record EvaluationReport
{
    /// <summary>First Beijing date covered.</summary>
    public required DateOnly From { get; init; }

    /// <summary>Last Beijing date covered.</summary>
    public required DateOnly To { get; init; }

    /// <summary>When the report was made (UTC).</summary>
    public required DateTimeOffset MadeAt { get; init; }

    /// <summary>Where the figures came from (a database file's name or a service address), for the footer.</summary>
    public required string Source { get; init; }

    /// <summary>The sections' tables by section name (<see cref="Sections"/>).</summary>
    public required IReadOnlyDictionary<string, AnalyticsTable> Tables { get; init; }

    /// <summary>Each section: its name, the query, and what it is grouped by.</summary>
    public static IReadOnlyList<(string Section, string Query, string[] GroupBy)> Sections { get; } =
    [
        ("totals", "volumes", []),
        ("by_month", "volumes", [AnalyticsDimension.Month]),
        ("by_hospital", "volumes", [AnalyticsDimension.Hospital]),
        ("by_province", "volumes", [AnalyticsDimension.Province]),
        ("by_age", "volumes", [AnalyticsDimension.AgeBand]),
        ("redirections", "redirections", []),
        ("red_flags", "red_flags", []),
        ("funnel", "funnel", []),
        ("visits", "visits", []),
        ("agreement", "agreement", []),
        ("agreement_matrix", "agreement_matrix", []),
        ("compliance", "compliance", []),
        ("workload", "workload", [AnalyticsDimension.Specialty]),
    ];

    /// <summary>Fetches every section with <paramref name="query"/> (a query name and filter to its table).</summary>
    public static async Task<EvaluationReport> BuildAsync(
        DateOnly from, DateOnly to, string source, TimeProvider clock, Func<string, AnalyticsFilter, CancellationToken, Task<AnalyticsTable>> query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(clock);
        var tables = new Dictionary<string, AnalyticsTable>(StringComparer.Ordinal);
        foreach (var (section, name, groupBy) in Sections)
        {
            tables[section] = await query(name, new AnalyticsFilter { From = from, To = to, GroupBy = groupBy }, cancellationToken).ConfigureAwait(false);
        }

        return new EvaluationReport { From = from, To = to, MadeAt = clock.GetUtcNow(), Source = source, Tables = tables };
    }
}
