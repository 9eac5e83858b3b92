using System.Text.Json.Serialization;

namespace Triage.Cli.Batch;

/// <summary>One input line of <c>triage assess</c>.</summary>
internal sealed record BatchInput
{
    [JsonPropertyName("id")] public string? Id { get; init; }

    [JsonPropertyName("text")] public string? Text { get; init; }

    [JsonPropertyName("age_months")] public int? AgeMonths { get; init; }

    [JsonPropertyName("sex")] public string? Sex { get; init; }

    [JsonPropertyName("guardian_present")] public bool? GuardianPresent { get; init; }
}
