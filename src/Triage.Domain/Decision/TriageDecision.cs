using Triage.Domain.Classification;
using Triage.Domain.Facts;
using Triage.Domain.RedFlags;

namespace Triage.Domain.Decision;

/// <summary>One decision about one complaint, with everything needed to explain and audit it.</summary>
public sealed record TriageDecision
{
    /// <summary>Where the complaint goes.</summary>
    public required Disposition Disposition { get; init; }

    /// <summary>The pilot specialty it is about, even when not online.</summary>
    public required Specialty Specialty { get; init; }

    /// <summary>How soon the child must be seen.</summary>
    public required Urgency Urgency { get; init; }

    /// <summary>Red flags found (acted on) and denied (reported only).</summary>
    public required IReadOnlyList<RedFlagFinding> RedFlags { get; init; }

    /// <summary>Why, in order of weight.</summary>
    public required IReadOnlyList<LocalizedText> Reasons { get; init; }

    /// <summary>What to ask when the disposition is <see cref="Disposition.NeedsInfo"/>.</summary>
    public required IReadOnlyList<LocalizedText> Questions { get; init; }

    /// <summary>What the booking app must do next.</summary>
    public required LocalizedText NextStep { get; init; }

    /// <summary>The classifier's probabilities and explanation.</summary>
    public required ComplaintClassification Classification { get; init; }

    /// <summary>The features that pushed towards the decided disposition, strongest first.</summary>
    public required IReadOnlyList<FeatureContribution> Explanation { get; init; }

    /// <summary>The facts read off the complaint and request.</summary>
    public required ComplaintFacts Facts { get; init; }

    /// <summary>The classifier version that contributed.</summary>
    public required string ModelVersion { get; init; }

    /// <summary>The policy version that decided.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>When it was decided.</summary>
    public required DateTimeOffset DecidedAt { get; init; }
}
