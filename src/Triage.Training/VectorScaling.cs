namespace Triage.Training;

/// <summary>
/// Calibration of a softmax head by vector scaling (Guo et al., 2017): the logits become
/// <c>z * Scale + Shift[c]</c>, fitted to minimise the log loss on out-of-fold predictions, so that
/// a probability of 0.2 means about one in five. Class weights in training shift the probabilities
/// towards the rare classes; this takes the shift back out. Linear in the logits, so it is folded
/// into the exported weights and costs nothing when serving.
/// </summary>
/// <param name="Scale">Multiplies every logit (1 / temperature).</param>
/// <param name="Shift">Added to each class's logit.</param>
public sealed record VectorScaling(double Scale, IReadOnlyList<double> Shift)
{
    private const int MaxIterations = 5000;

    /// <summary>No change.</summary>
    public static VectorScaling Identity(int classes) => new(1, new double[classes]);

    /// <summary>Calibrated probabilities for raw logits.</summary>
    public double[] Probabilities(IReadOnlyList<double> logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        return Triage.Models.Onnx.LinearSoftmaxModel.Softmax([.. logits.Select((z, c) => (z * Scale) + Shift[c])]);
    }

    /// <summary>
    /// Fits scale and shifts by gradient descent with backtracking (the log loss is convex in them).
    /// <paramref name="targets"/> are distributions over the classes (one-hot, or shared between a record's tags).
    /// </summary>
    public static VectorScaling Fit(IReadOnlyList<double[]> logits, IReadOnlyList<double[]> targets)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        var classes = targets[0].Length;
        var scale = 1.0;
        var shift = new double[classes];
        var loss = Loss(logits, targets, scale, shift, null, out _);
        var step = 1.0;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var gradShift = new double[classes];
            Loss(logits, targets, scale, shift, gradShift, out var gradScale);
            var norm = Math.Sqrt((gradScale * gradScale) + gradShift.Sum(g => g * g));
            if (norm < 1e-7)
            {
                break;
            }

            // Backtracking: halve the step until the loss falls enough (Armijo), then try a larger one next time.
            while (true)
            {
                var nextScale = Math.Max(1e-3, scale - (step * gradScale));
                var nextShift = shift.Select((b, c) => b - (step * gradShift[c])).ToArray();
                var next = Loss(logits, targets, nextScale, nextShift, null, out _);
                if (next <= loss - (1e-4 * step * norm * norm) || step < 1e-10)
                {
                    var improved = loss - next;
                    (scale, shift, loss) = (nextScale, nextShift, next);
                    step *= 2;
                    if (improved < 1e-12)
                    {
                        return Centred(scale, shift);
                    }

                    break;
                }

                step /= 2;
            }
        }

        return Centred(scale, shift);
    }

    // Softmax ignores a common shift: centre it so the fitted numbers read plainly.
    private static VectorScaling Centred(double scale, double[] shift)
    {
        var mean = shift.Average();
        return new VectorScaling(Math.Round(scale, 6), [.. shift.Select(b => Math.Round(b - mean, 6))]);
    }

    private static double Loss(IReadOnlyList<double[]> logits, IReadOnlyList<double[]> targets, double scale, double[] shift, double[]? gradShift, out double gradScale)
    {
        var total = 0.0;
        gradScale = 0;
        var z = new double[shift.Length];
        for (var i = 0; i < logits.Count; i++)
        {
            var max = double.NegativeInfinity;
            for (var c = 0; c < z.Length; c++)
            {
                z[c] = (logits[i][c] * scale) + shift[c];
                max = Math.Max(max, z[c]);
            }

            var sum = 0.0;
            for (var c = 0; c < z.Length; c++)
            {
                sum += Math.Exp(z[c] - max);
            }

            var logSum = max + Math.Log(sum);
            for (var c = 0; c < z.Length; c++)
            {
                var t = targets[i][c];
                total -= t * (z[c] - logSum);
                if (gradShift is not null)
                {
                    var d = Math.Exp(z[c] - logSum) - t;
                    gradShift[c] += d / logits.Count;
                    gradScale += d * logits[i][c] / logits.Count;
                }
            }
        }

        return total / logits.Count;
    }
}
