using Microsoft.ML.Data;
using Triage.Models.Features;

namespace Triage.Training;

/// <summary>One ML.NET row: a label, its weight and the shared featurizer's sparse vector.</summary>
public sealed class TrainingRow
{
    /// <summary>The class label (a disposition, specialty or red-flag tag name).</summary>
    public string Label { get; set; } = string.Empty;

    /// <summary>How much the example counts: the rare, dangerous classes count more.</summary>
    public float Weight { get; set; } = 1f;

    /// <summary>The hashed features; the dimension is fixed by <see cref="FeatureSettings"/>.</summary>
    [VectorType]
    public VBuffer<float> Features { get; set; }

    /// <summary>Builds a row from the featurizer's output.</summary>
    public static TrainingRow From(string label, float weight, SparseFeatures features, int dimension)
    {
        ArgumentNullException.ThrowIfNull(features);
        return new TrainingRow { Label = label, Weight = weight, Features = new VBuffer<float>(dimension, features.Indices.Length, features.Values, features.Indices) };
    }
}
