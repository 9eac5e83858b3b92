using System.Collections.Immutable;
using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Evaluation;
using Triage.Domain.RedFlags;

namespace Triage.Grains.Cases;

/// <summary>
/// A decision as it is written into the case journal. Kept separate from the in-memory
/// <see cref="TriageDecision"/> because a journal is a durable contract: enums are stored by
/// their policy names (<see cref="CaseJson"/>), so reordering an enum never rewrites history, and
/// a name the code does not know fails the read instead of becoming a default.
/// </summary>
[GenerateSerializer, Immutable, Alias("triage.DecisionRecord")]
public sealed record DecisionRecord
{
    /// <summary>The disposition.</summary>
    [Id(0)] public required Disposition Disposition { get; init; }

    /// <summary>The specialty.</summary>
    [Id(1)] public required Specialty Specialty { get; init; }

    /// <summary>How soon.</summary>
    [Id(2)] public required Urgency Urgency { get; init; }

    /// <summary>Red flags, affirmed and denied.</summary>
    [Id(3)] public required ImmutableArray<RedFlagRecord> RedFlags { get; init; }

    /// <summary>Reasons.</summary>
    [Id(4)] public required ImmutableArray<LocalizedTextRecord> Reasons { get; init; }

    /// <summary>Follow-up questions.</summary>
    [Id(5)] public required ImmutableArray<LocalizedTextRecord> Questions { get; init; }

    /// <summary>Next step.</summary>
    [Id(6)] public required LocalizedTextRecord NextStep { get; init; }

    /// <summary>Probability per disposition.</summary>
    [Id(7)] public required ImmutableDictionary<Disposition, double> DispositionProbabilities { get; init; }

    /// <summary>Probability per specialty.</summary>
    [Id(8)] public required ImmutableDictionary<Specialty, double> SpecialtyProbabilities { get; init; }

    /// <summary>Strongest features.</summary>
    [Id(9)] public required ImmutableArray<ContributionRecord> Explanation { get; init; }

    /// <summary>Facts used.</summary>
    [Id(10)] public required FactsRecord Facts { get; init; }

    /// <summary>Classifier version.</summary>
    [Id(11)] public required string ModelVersion { get; init; }

    /// <summary>Policy version.</summary>
    [Id(12)] public required string PolicyVersion { get; init; }

    /// <summary>When decided.</summary>
    [Id(13)] public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>Converts a policy decision to its journal form.</summary>
    public static DecisionRecord From(TriageDecision d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new DecisionRecord
        {
            Disposition = d.Disposition,
            Specialty = d.Specialty,
            Urgency = d.Urgency,
            RedFlags = [.. d.RedFlags.Select(RedFlagRecord.From)],
            Reasons = [.. d.Reasons.Select(ToRecord)],
            Questions = [.. d.Questions.Select(ToRecord)],
            NextStep = ToRecord(d.NextStep),
            DispositionProbabilities = LabelNames.Dispositions.ToImmutableDictionary(x => x, x => d.Classification.Probability(x)),
            SpecialtyProbabilities = Enum.GetValues<Specialty>().ToImmutableDictionary(x => x, x => d.Classification.Probability(x)),
            Explanation = [.. d.Explanation.Select(c => new ContributionRecord(c.Feature, c.Target, c.Weight))],
            Facts = new FactsRecord
            {
                AgeMonths = d.Facts.AgeMonths is { } m ? Math.Round(m, 2) : null,
                TemperatureC = d.Facts.TemperatureC,
                Fever = d.Facts.Fever,
                FeverDays = d.Facts.FeverDays,
                DurationDays = d.Facts.DurationDays is { } days ? Math.Round(days, 2) : null,
                HeightCm = d.Facts.HeightCm,
                WeightKg = d.Facts.WeightKg,
                Sex = d.Facts.Sex,
                Subject = d.Facts.Subject,
            },
            ModelVersion = d.ModelVersion,
            PolicyVersion = d.PolicyVersion,
            DecidedAt = d.DecidedAt,
        };
    }

    private static LocalizedTextRecord ToRecord(LocalizedText t) => new(t.Code, t.Zh, t.En);
}
