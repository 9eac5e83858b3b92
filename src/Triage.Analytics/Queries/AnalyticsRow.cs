namespace Triage.Analytics.Queries;

/// <summary>One group of a result: its keys (dimension to value) and its measures (name to number, null when undefined).</summary>
/// <param name="Keys">The group's dimension values.</param>
/// <param name="Values">The group's measures; <c>cases</c> is always there and at least the minimum group size.</param>
public sealed record AnalyticsRow(IReadOnlyDictionary<string, string> Keys, IReadOnlyDictionary<string, double?> Values)
{
    /// <summary>The measure <paramref name="name"/>, or null.</summary>
    public double? this[string name] => Values.TryGetValue(name, out var v) ? v : null;
}
