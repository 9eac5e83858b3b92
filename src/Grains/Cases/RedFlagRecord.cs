namespace Triage.Grains.Cases;

/// <summary>A red flag as recorded, with the span of the complaint that triggered it.</summary>
[GenerateSerializer, Immutable, Alias("triage.RedFlagRecord")]
public sealed record RedFlagRecord(
    [property: Id(0)] string Tag,
    [property: Id(1)] string Severity,
    [property: Id(2)] int Start,
    [property: Id(3)] int Length,
    [property: Id(4)] string Evidence,
    [property: Id(5)] bool Negated);
