using System.Runtime.InteropServices;
using Triage.Models.Features;
using Triage.Models.Onnx.Proto;

namespace Triage.Models.Onnx;

/// <summary>
/// Linear softmax heads over one hashed sparse feature space, read back from their ONNX form (written
/// by training's <c>OnnxModelWriter</c>): one sparse graph (int32 indices and float values -> Gather,
/// Gemm) giving the logits of every head side by side; the scorer applies each head's softmax
/// (<see cref="OnnxLinearScorer"/>). Serving reads the weights to explain a decision.
/// </summary>
public sealed class LinearSoftmaxModel
{
    /// <summary>The graph's one output: [1, sum of the heads' classes], the heads in metadata order.</summary>
    public const string LogitsOutput = "logits";

    /// <summary>Creates a model from its heads, each [dimension, classes].</summary>
    public LinearSoftmaxModel(int dimension, IReadOnlyList<LinearHead> heads)
    {
        ArgumentNullException.ThrowIfNull(heads);
        if (heads.Count == 0 || heads.Any(h => h.Weights.Length != (long)dimension * h.Classes || h.Biases.Length != h.Classes))
        {
            throw new ArgumentException("each head's weights must be dimension x classes and biases one per class");
        }

        Dimension = dimension;
        Heads = heads;
    }

    /// <summary>Feature dimensions.</summary>
    public int Dimension { get; }

    /// <summary>The heads, in output order.</summary>
    public IReadOnlyList<LinearHead> Heads { get; }

    /// <summary>The head named <paramref name="name"/>.</summary>
    public LinearHead Head(string name) => Heads.Single(h => h.Name == name);

    /// <summary>Managed reference logits of one head (before softmax), used for calibration, tests and explanations.</summary>
    public static double[] Logits(LinearHead head, SparseFeatures features)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(features);
        var c = head.Classes;
        var logits = head.Biases.Select(b => (double)b).ToArray();
        for (var k = 0; k < features.Indices.Length; k++)
        {
            var row = features.Indices[k] * c;
            for (var j = 0; j < c; j++)
            {
                logits[j] += head.Weights[row + j] * features.Values[k];
            }
        }

        return logits;
    }

    /// <summary>Softmax of logits.</summary>
    public static double[] Softmax(IReadOnlyList<double> logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var max = logits.Max();
        var exp = logits.Select(l => Math.Exp(l - max)).ToArray();
        var sum = exp.Sum();
        return [.. exp.Select(e => e / sum)];
    }

    /// <summary>Reads a model training wrote.</summary>
    public static LinearSoftmaxModel ReadOnnx(string path)
    {
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        var meta = model.MetadataProps.ToDictionary(p => p.Key, p => p.Value);
        var w = model.Graph.Initializer.Single(t => t.Name == "W");
        var all = Floats(w);
        var bias = Floats(model.Graph.Initializer.Single(t => t.Name == "B"));
        var dimension = (int)w.Dims[0];
        var width = (int)w.Dims[1];
        var heads = new List<LinearHead>();
        var offset = 0;
        foreach (var name in meta["heads"].Split(','))
        {
            var labels = meta["labels." + name].Split(',');
            var weights = new float[(long)dimension * labels.Length];
            for (var f = 0; f < dimension; f++)
            {
                Array.Copy(all, ((long)f * width) + offset, weights, (long)f * labels.Length, labels.Length);
            }

            heads.Add(new LinearHead(name, labels, weights, bias[offset..(offset + labels.Length)]));
            offset += labels.Length;
        }

        return new LinearSoftmaxModel(dimension, heads);
    }

    /// <summary>The metadata of an ONNX file training wrote.</summary>
    public static IReadOnlyDictionary<string, string> ReadMetadata(string path) =>
        ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)).MetadataProps.ToDictionary(p => p.Key, p => p.Value);

    private static float[] Floats(TensorProto t) =>
        t.RawData.Length > 0 ? MemoryMarshal.Cast<byte, float>(t.RawData.Span).ToArray() : [.. t.FloatData];
}
