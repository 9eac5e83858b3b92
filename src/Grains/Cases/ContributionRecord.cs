namespace Triage.Grains.Cases;

/// <summary>A feature that pushed the decision, as recorded.</summary>
[GenerateSerializer, Immutable, Alias("triage.ContributionRecord")]
public sealed record ContributionRecord([property: Id(0)] string Feature, [property: Id(1)] string Target, [property: Id(2)] double Weight);
