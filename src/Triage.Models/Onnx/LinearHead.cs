namespace Triage.Models.Onnx;

/// <summary>One softmax head of a linear model: its labels, weights and biases.</summary>
/// <param name="Name">The head's name, also its ONNX output ("disposition", "specialty", "red_flags").</param>
/// <param name="Labels">Class labels, in output order.</param>
/// <param name="Weights">Row-major [dimension, classes].</param>
/// <param name="Biases">One per class.</param>
public sealed record LinearHead(string Name, IReadOnlyList<string> Labels, float[] Weights, float[] Biases)
{
    /// <summary>Number of classes.</summary>
    public int Classes => Labels.Count;

    /// <summary>The weight of one feature dimension for one class.</summary>
    public float Weight(int feature, int @class) => Weights[(feature * Labels.Count) + @class];

    /// <summary>The head after vector scaling of its logits (z * <paramref name="scale"/> + <paramref name="shift"/>): calibration folded into the weights.</summary>
    public LinearHead Scaled(double scale, IReadOnlyList<double> shift)
    {
        ArgumentNullException.ThrowIfNull(shift);
        var weights = new float[Weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(Weights[i] * scale);
        }

        return this with { Weights = weights, Biases = [.. Biases.Select((b, c) => (float)((b * scale) + shift[c]))] };
    }
}
