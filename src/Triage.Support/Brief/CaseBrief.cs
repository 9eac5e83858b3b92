using System.Collections.Immutable;
using Triage.Domain.Growth;
using Triage.Grains.Cases;
using Triage.Grains.Visits;

namespace Triage.Support.Brief;

/// <summary>What a physician reads before and during an online first visit.</summary>
public sealed record CaseBrief
{
    /// <summary>The case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>Where the visit stands.</summary>
    public required VisitStage Stage { get; init; }

    /// <summary>The parent's complaint and every later message from the parent, in order.</summary>
    public required ImmutableArray<string> ParentText { get; init; }

    /// <summary>The facts read off the text (age, duration, temperature, measurements, sex).</summary>
    public required FactsRecord Facts { get; init; }

    /// <summary>Red flags found, each with the words that raised it.</summary>
    public required ImmutableArray<RedFlagRecord> RedFlags { get; init; }

    /// <summary>Red flags the parent explicitly denied ("不发烧").</summary>
    public required ImmutableArray<RedFlagRecord> DeniedRedFlags { get; init; }

    /// <summary>The triage's disposition, by policy name.</summary>
    public required Triage.Domain.Classification.Disposition Disposition { get; init; }

    /// <summary>The triage's specialty, by policy name.</summary>
    public required Triage.Domain.Classification.Specialty Specialty { get; init; }

    /// <summary>The model version that decided.</summary>
    public required string ModelVersion { get; init; }

    /// <summary>The features that pushed the decision most.</summary>
    public required ImmutableArray<ContributionRecord> Explanation { get; init; }

    /// <summary>Growth and nutrition cases: z-scores against the named WHO reference (both sexes when the sex is unknown).</summary>
    public required ImmutableArray<GrowthZScore> GrowthScores { get; init; }

    /// <summary>The WHO reference around each of <see cref="GrowthScores"/>, in the same order, for drawing on the curves.</summary>
    public ImmutableArray<GrowthCurve> GrowthCurves { get; init; } = [];

    /// <summary>Questions worth asking for this specialty.</summary>
    public required ImmutableArray<string> SuggestedQuestions { get; init; }

    /// <summary>Red-flag alerts raised during the consultation.</summary>
    public required ImmutableArray<VisitAlert> Alerts { get; init; }

    /// <summary>A written summary by the configured language model; null when none is configured or it failed.</summary>
    public string? Summary { get; init; }

    /// <summary>Why there is no summary, when there is none.</summary>
    public string? SummaryNote { get; init; }
}
