using System.Text.Json.Serialization;

namespace Triage.Cli.Batch;

/// <summary>One output line of <c>triage assess</c>.</summary>
internal sealed record BatchOutput
{
    [JsonPropertyName("id")] public string? Id { get; init; }

    [JsonPropertyName("case_id")] public string? CaseId { get; init; }

    [JsonPropertyName("disposition")] public string? Disposition { get; init; }

    [JsonPropertyName("specialty")] public string? Specialty { get; init; }

    [JsonPropertyName("red_flags")] public IReadOnlyList<string>? RedFlags { get; init; }

    [JsonPropertyName("probabilities")] public IReadOnlyDictionary<string, double>? Probabilities { get; init; }

    [JsonPropertyName("model_version")] public string? ModelVersion { get; init; }

    [JsonPropertyName("policy_version")] public string? PolicyVersion { get; init; }

    [JsonPropertyName("error")] public string? Error { get; init; }
}
