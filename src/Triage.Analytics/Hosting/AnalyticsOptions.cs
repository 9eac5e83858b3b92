namespace Triage.Analytics.Hosting;

/// <summary>The analytics projection's file and how often it catches up (section <c>Analytics</c>).</summary>
public sealed class AnalyticsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Analytics";

    /// <summary>The DuckDB file; empty: beside the journal database (<c>triage.analytics.duckdb</c>).</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>Seconds between catch-ups when nobody queries (queries always catch up first).</summary>
    public double CatchUpSeconds { get; set; } = 2;
}
