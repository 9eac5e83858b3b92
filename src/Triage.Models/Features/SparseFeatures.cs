namespace Triage.Models.Features;

/// <summary>A sparse feature vector: sorted distinct indices and their values (L2-normalised).</summary>
/// <param name="Indices">Dimensions with a non-zero value, ascending.</param>
/// <param name="Values">The values, same order.</param>
public sealed record SparseFeatures(int[] Indices, float[] Values)
{
    /// <summary>Names each dimension by the first feature that fell into it, for explanations; null when not kept.</summary>
    public FeatureNames? Names { get; init; }
}
