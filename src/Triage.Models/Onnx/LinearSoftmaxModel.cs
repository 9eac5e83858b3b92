using System.Runtime.InteropServices;
using Google.Protobuf;
using Triage.Models.Features;
using Triage.Models.Onnx.Proto;

namespace Triage.Models.Onnx;

/// <summary>
/// Linear softmax heads over one hashed sparse feature space, and their ONNX form: one sparse graph
/// (int32 indices and float values -> Gather, Gemm) giving the logits of every head side by side in
/// one run; the reader applies each head's softmax (<see cref="OnnxLinearScorer"/>). ONNX Runtime
/// costs about two microseconds per node and output here, so the graph stops at the logits: with a
/// Split and a Softmax per head it took twice as long. Written from the ONNX IR specification, since
/// the ML.NET converter is not available here.
/// </summary>
public sealed class LinearSoftmaxModel
{
    /// <summary>The graph's one output: [1, sum of the heads' classes], the heads in metadata order.</summary>
    public const string LogitsOutput = "logits";

    private const int FloatType = 1;
    private const int Int32Type = 6;

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

    /// <summary>Writes the ONNX file; <paramref name="metadata"/> goes into the model's metadata_props.</summary>
    public void WriteOnnx(string path, IReadOnlyDictionary<string, string> metadata) =>
        File.WriteAllBytes(path, ToOnnx(metadata).ToByteArray());

    /// <summary>The ONNX model: one Gather over all heads' weights side by side and one Gemm, to every head's logits.</summary>
    public ModelProto ToOnnx(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var width = Heads.Sum(h => h.Classes);
        var weights = new float[(long)Dimension * width];
        var biases = new float[width];
        var offset = 0;
        foreach (var head in Heads)
        {
            for (var f = 0; f < Dimension; f++)
            {
                Array.Copy(head.Weights, (long)f * head.Classes, weights, ((long)f * width) + offset, head.Classes);
            }

            Array.Copy(head.Biases, 0, biases, offset, head.Classes);
            offset += head.Classes;
        }

        var graph = new GraphProto { Name = "triage_linear_softmax" };
        // The featurizer's own arrays go in as they are: int32 indices [n], values as one row [1, n].
        graph.Input.Add(Tensor("indices", Int32Type, "n"));
        graph.Input.Add(Tensor("values", FloatType, 1, "n"));
        graph.Initializer.Add(FloatTensor("W", weights, Dimension, width));
        graph.Initializer.Add(FloatTensor("B", biases, width));
        graph.Node.Add(Node("Gather", ["W", "indices"], ["rows"], ("axis", 0)));
        graph.Node.Add(Node("Gemm", ["values", "rows", "B"], [LogitsOutput]));
        graph.Output.Add(Tensor(LogitsOutput, FloatType, 1, (long)width));

        var model = new ModelProto { IrVersion = 7, ProducerName = "triage", ProducerVersion = "3", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 13 });
        model.MetadataProps.Add(new StringStringEntryProto { Key = "heads", Value = string.Join(',', Heads.Select(h => h.Name)) });
        foreach (var head in Heads)
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = "labels." + head.Name, Value = string.Join(',', head.Labels) });
        }

        foreach (var (key, value) in metadata)
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return model;
    }

    /// <summary>Reads a model this class wrote.</summary>
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

    /// <summary>The metadata of an ONNX file this class wrote.</summary>
    public static IReadOnlyDictionary<string, string> ReadMetadata(string path) =>
        ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)).MetadataProps.ToDictionary(p => p.Key, p => p.Value);

    private static float[] Floats(TensorProto t) =>
        t.RawData.Length > 0 ? MemoryMarshal.Cast<byte, float>(t.RawData.Span).ToArray() : [.. t.FloatData];

    private static TensorProto FloatTensor(string name, float[] data, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = FloatType, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(data.AsSpan())) };
        tensor.Dims.Add(dims);
        return tensor;
    }

    // A tensor whose dimensions are fixed sizes (long) or named variable lengths (string).
    private static ValueInfoProto Tensor(string name, int type, params object[] dims)
    {
        var info = new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = type, Shape = new TensorShapeProto() } } };
        foreach (var dim in dims)
        {
            info.Type.TensorType.Shape.Dim.Add(dim is string named
                ? new TensorShapeProto.Types.Dimension { DimParam = named }
                : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture) });
        }

        return info;
    }

    private static NodeProto Node(string op, string[] inputs, string[] outputs, params (string Name, long Value)[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = op.ToLowerInvariant() + "_" + outputs[0] };
        node.Input.Add(inputs);
        node.Output.Add(outputs);
        foreach (var (name, value) in attributes)
        {
            node.Attribute.Add(new AttributeProto { Name = name, I = value, Type = AttributeProto.Types.AttributeType.Int });
        }

        return node;
    }
}
