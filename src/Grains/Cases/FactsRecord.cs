using Triage.Domain.Facts;

namespace Triage.Grains.Cases;

/// <summary>The facts the decision used, as recorded.</summary>
[GenerateSerializer, Immutable, Alias("triage.FactsRecord")]
public sealed record FactsRecord
{
    /// <summary>Age in months.</summary>
    [Id(0)] public double? AgeMonths { get; init; }

    /// <summary>Highest temperature, Celsius.</summary>
    [Id(1)] public double? TemperatureC { get; init; }

    /// <summary>A fever is affirmed.</summary>
    [Id(2)] public bool Fever { get; init; }

    /// <summary>Days of fever.</summary>
    [Id(3)] public double? FeverDays { get; init; }

    /// <summary>Longest stated duration in days.</summary>
    [Id(4)] public double? DurationDays { get; init; }

    /// <summary>Height, cm.</summary>
    [Id(5)] public double? HeightCm { get; init; }

    /// <summary>Weight, kg.</summary>
    [Id(6)] public double? WeightKg { get; init; }

    /// <summary>Sex, where known.</summary>
    [Id(7)] public Sex Sex { get; init; }

    /// <summary>Who the complaint is about.</summary>
    [Id(8)] public PatientSubject Subject { get; init; }
}
