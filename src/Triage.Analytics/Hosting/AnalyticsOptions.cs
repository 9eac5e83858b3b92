namespace Triage.Analytics.Hosting;

/// <summary>The analytics projection's file and how often it catches up (section <c>Analytics</c>).</summary>
public sealed class AnalyticsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Analytics";

    /// <summary>The DuckDB file; empty: beside the journal database (<c>triage.analytics.duckdb</c>).</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>
    /// Seconds between catch-ups when nobody queries (queries always catch up first, so answers are
    /// always current); longer passes cost the triage less on a small machine.
    /// </summary>
    public double CatchUpSeconds { get; set; } = 10;

    /// <summary>Seconds without a query after which the service closes the projection's file (it reopens and catches up at the next query).</summary>
    public double IdleSeconds { get; set; } = 120;

    /// <summary>DuckDB worker threads inside the service (measured on 2 cores: the default of one per core halved triage throughput under load).</summary>
    public int Threads { get; set; } = 1;
}
