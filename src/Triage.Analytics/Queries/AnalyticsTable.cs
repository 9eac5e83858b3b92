namespace Triage.Analytics.Queries;

/// <summary>
/// A de-identified result: groups of at least <see cref="EvaluationQueries.MinimumGroupSize"/> cases,
/// each with dimension values and counts or times, never a case, patient, physician or text.
/// </summary>
/// <param name="Query">Which query (<c>volumes</c>, <c>funnel</c>, ...).</param>
/// <param name="Keys">The key columns every row carries, in order.</param>
/// <param name="Measures">The measure columns every row carries, in order.</param>
/// <param name="Rows">The groups shown.</param>
/// <param name="SuppressedGroups">Groups left out because they held fewer cases than the minimum.</param>
public sealed record AnalyticsTable(string Query, IReadOnlyList<string> Keys, IReadOnlyList<string> Measures, IReadOnlyList<AnalyticsRow> Rows, int SuppressedGroups)
{
    /// <summary>The sum of a measure over the rows shown.</summary>
    public double Sum(string measure) => Rows.Sum(r => r[measure] ?? 0);
}
