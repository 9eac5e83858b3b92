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

    /// <summary>The sex as the policy reads it; anything but female, male or nothing is refused, naming the field.</summary>
    public Triage.Domain.Facts.Sex ParsedSex() =>
        string.IsNullOrEmpty(Sex) ? Triage.Domain.Facts.Sex.Unknown
        : Sex != "unknown" && Triage.Domain.Evaluation.LabelNames.TryParseSex(Sex, out var sex) ? sex
        : throw new Triage.Domain.Decision.InvalidInputException("sex", "must be female or male");
}
