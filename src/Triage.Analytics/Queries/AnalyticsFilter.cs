namespace Triage.Analytics.Queries;

/// <summary>What a query covers: cases opened in [<see cref="From"/>, <see cref="To"/>] (Beijing dates), filtered and grouped by dimensions.</summary>
public sealed record AnalyticsFilter
{
    /// <summary>First Beijing date included.</summary>
    public required DateOnly From { get; init; }

    /// <summary>Last Beijing date included.</summary>
    public required DateOnly To { get; init; }

    /// <summary>Dimension name to the one value kept (<see cref="AnalyticsDimension"/>).</summary>
    public IReadOnlyDictionary<string, string> Where { get; init; } = new Dictionary<string, string>();

    /// <summary>Dimensions to group by, in order.</summary>
    public IReadOnlyList<string> GroupBy { get; init; } = [];

    /// <summary>The first thing wrong with the filter, naming the field, or null when it can run.</summary>
    public string? Problem()
    {
        if (To < From)
        {
            return "to: must not be before from";
        }

        if (Where.Keys.Any(k => !AnalyticsDimension.IsKnown(k)))
        {
            return $"filter: unknown dimension (one of {string.Join(", ", AnalyticsDimension.All)})";
        }

        if (GroupBy.Any(g => !AnalyticsDimension.IsKnown(g)))
        {
            return $"group_by: unknown dimension (one of {string.Join(", ", AnalyticsDimension.All)})";
        }

        return GroupBy.Distinct(StringComparer.Ordinal).Count() != GroupBy.Count ? "group_by: a dimension is named twice" : null;
    }
}
