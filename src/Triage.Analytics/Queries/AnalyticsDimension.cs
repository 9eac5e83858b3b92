namespace Triage.Analytics.Queries;

/// <summary>The dimensions a query can be filtered and grouped by: their API names and the summary's columns.</summary>
public static class AnalyticsDimension
{
    /// <summary>Pilot hospital code: the booked one, else the preferred one, else <c>unspecified</c>.</summary>
    public const string Hospital = "hospital";

    /// <summary>The specialty the service decided before any visit.</summary>
    public const string Specialty = "specialty";

    /// <summary>The month the case was opened, Beijing time (<c>2026-03</c>).</summary>
    public const string Month = "month";

    /// <summary>The patient's province: <c>beijing</c>, <c>out_of_town</c> or <c>unknown</c>.</summary>
    public const string Province = "province";

    /// <summary>Age band: <c>0-1m</c>, <c>1-12m</c>, <c>1-3y</c>, <c>3-6y</c>, <c>6-12y</c>, <c>12-18y</c>, <c>unknown</c>.</summary>
    public const string AgeBand = "age_band";

    /// <summary>The disposition the service decided before any visit.</summary>
    public const string Disposition = "disposition";

    /// <summary>The classifier version of that decision.</summary>
    public const string ModelVersion = "model_version";

    /// <summary>Every dimension, in the order results list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Month, Hospital, Specialty, Province, AgeBand, Disposition, ModelVersion];

    /// <summary>True for a dimension's name.</summary>
    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
