using System.Text.Json.Serialization;
using Triage.Domain.RedFlags;
using Triage.Grains.Journal;

namespace Triage.Grains.Cases;

/// <summary>A red flag as recorded, with the span of the complaint that raised it (or the model's probability).</summary>
[GenerateSerializer, Immutable, Alias("triage.RedFlagRecord")]
public sealed record RedFlagRecord
{
    /// <summary>The policy's tag.</summary>
    [Id(0)] public required RedFlagTag Tag { get; init; }

    /// <summary>Start of the evidence in the complaint (UTF-16 units).</summary>
    [Id(1)] public int Start { get; init; }

    /// <summary>Length of the evidence.</summary>
    [Id(2)] public int Length { get; init; }

    /// <summary>The words that raised it; empty when the model raised it.</summary>
    [Id(3), FreeText] public string Evidence { get; init; } = string.Empty;

    /// <summary>Affirmed, or why not.</summary>
    [Id(4)] public RedFlagStatus Status { get; init; }

    /// <summary>The vocabulary, a measurement or the model.</summary>
    [Id(5)] public RedFlagSource Source { get; init; }

    /// <summary>The model's probability, for a flag the model raised.</summary>
    [Id(6)] public double? Probability { get; init; }

    /// <summary>What the flag forces, by its tag.</summary>
    [JsonIgnore]
    public RedFlagSeverity Severity => RedFlagTags.Severity(Tag);

    /// <summary>True when acted on.</summary>
    [JsonIgnore]
    public bool Affirmed => Status == RedFlagStatus.Affirmed;

    /// <summary>
    /// Journals written before flags had a status recorded <c>"negated": true</c> for a flag not acted
    /// on: read it so those cases keep their meaning (never written now).
    /// </summary>
    [JsonPropertyName("negated")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool LegacyNegated
    {
        get => false;
        init => Status = value && Status == RedFlagStatus.Affirmed ? RedFlagStatus.Negated : Status;
    }

    /// <summary>The recorded form of a finding.</summary>
    public static RedFlagRecord From(RedFlagFinding f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new RedFlagRecord
        {
            Tag = f.Tag,
            Start = f.Evidence.Start,
            Length = f.Evidence.Length,
            Evidence = f.Evidence.Text,
            Status = f.Status,
            Source = f.Source,
            Probability = f.Probability,
        };
    }
}
