namespace Triage.Grains.Cases;

/// <summary>Body of <see cref="CaseEventTypes.Assessed"/>.</summary>
/// <param name="Decision">The decision.</param>
[GenerateSerializer, Immutable, Alias("triage.CaseAssessed")]
public sealed record CaseAssessed([property: Id(0)] DecisionRecord Decision);
