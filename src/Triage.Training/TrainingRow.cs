using Microsoft.ML.Data;
using Triage.Models.Features;

namespace Triage.Training;

/// <summary>One ML.NET row: a label and the shared featurizer's sparse vector.</summary>
public sealed class TrainingRow
{
    /// <summary>The class label (a disposition or specialty name).</summary>
    public string Label { get; set; } = string.Empty;

    /// <summary>How much the example counts: the rare, dangerous classes count more.</summary>
    public float Weight { get; set; } = 1f;

    /// <summary>The hashed features; the dimension is fixed by <see cref="FeatureSettings"/>.</summary>
    [VectorType]
    public VBuffer<float> Features { get; set; }

    /// <summary>Builds a row from the featurizer's output.</summary>
    public static TrainingRow From(string label, SparseFeatures features, int dimension)
    {
        ArgumentNullException.ThrowIfNull(features);
        return new TrainingRow { Label = label, Weight = ClassWeight(label), Features = new VBuffer<float>(dimension, features.Indices.Length, features.Values, features.Indices) };
    }

    /// <summary>
    /// Class weights: missing an emergency or an in-person case is the costly error, and those
    /// classes are rare, so their examples weigh more (also the pilot specialties against "other").
    /// </summary>
    public static float ClassWeight(string label) => label switch
    {
        "emergency" => 4f,
        "offline" => 3f,
        "needs_info" or "online" => 2f,
        "growth" or "nutrition" or "dermatology" => 2f,
        _ => 1f,
    };
}
