namespace Triage.Domain.Classification;

/// <summary>One feature that pushed a decision, with its weight, so a physician can see why.</summary>
/// <param name="Feature">The cue: a keyword, n-gram or fact such as <c>age&lt;3m</c>.</param>
/// <param name="Target">The class it pushed towards, e.g. <c>specialty:dermatology</c>.</param>
/// <param name="Weight">How hard it pushed (positive towards the target).</param>
public sealed record FeatureContribution(string Feature, string Target, double Weight);
