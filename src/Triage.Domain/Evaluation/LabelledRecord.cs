using System.Text.Json.Serialization;

namespace Triage.Domain.Evaluation;

/// <summary>One line of the labelled-data schema (policy §5).</summary>
public sealed record LabelledRecord
{
    /// <summary>Record id (not PHI: a corpus reference).</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = string.Empty;

    /// <summary>The corpus it was taken from (<c>huatuo26m</c>, <c>dxy</c>, ...; <c>synthetic</c> for written examples).</summary>
    [JsonPropertyName("source")] public string Source { get; init; } = string.Empty;

    /// <summary>The complaint.</summary>
    [JsonPropertyName("text")] public string Text { get; init; } = string.Empty;

    /// <summary><c>child</c>, <c>adult</c> or <c>unknown</c>.</summary>
    [JsonPropertyName("patient")] public string? Patient { get; init; }

    /// <summary>Expected disposition, snake_case.</summary>
    [JsonPropertyName("disposition")] public string Disposition { get; init; } = string.Empty;

    /// <summary>Expected specialty.</summary>
    [JsonPropertyName("specialty")] public string Specialty { get; init; } = string.Empty;

    /// <summary>Expected red-flag tags.</summary>
    [JsonPropertyName("red_flags")] public IReadOnlyList<string> RedFlags { get; init; } = [];
}
