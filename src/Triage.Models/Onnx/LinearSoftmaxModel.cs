using System.Runtime.InteropServices;
using Google.Protobuf;
using Triage.Models.Features;
using Triage.Models.Onnx.Proto;

namespace Triage.Models.Onnx;

/// <summary>
/// A multiclass linear model with softmax over a hashed sparse feature space, and its ONNX form:
/// a sparse graph (int64 indices and float values -> Gather, MatMul, Add, Softmax) that scores a
/// complaint in microseconds. Written from the ONNX IR specification, since the ML.NET converter
/// is not available here.
/// </summary>
public sealed class LinearSoftmaxModel
{
    private const int FloatType = 1;
    private const int Int32Type = 6;

    /// <summary>Creates a model from per-feature weights (<paramref name="weights"/>[feature * classes + class]) and biases.</summary>
    public LinearSoftmaxModel(IReadOnlyList<string> labels, int dimension, float[] weights, float[] biases)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(biases);
        if (weights.Length != (long)dimension * labels.Count || biases.Length != labels.Count)
        {
            throw new ArgumentException("weights must be dimension x classes and biases one per class");
        }

        Labels = labels;
        Dimension = dimension;
        Weights = weights;
        Biases = biases;
    }

    /// <summary>Class labels, in output order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Feature dimensions.</summary>
    public int Dimension { get; }

    /// <summary>Row-major [dimension, classes].</summary>
    public float[] Weights { get; }

    /// <summary>One per class.</summary>
    public float[] Biases { get; }

    /// <summary>The weight of one feature dimension for one class.</summary>
    public float Weight(int feature, int @class) => Weights[(feature * Labels.Count) + @class];

    /// <summary>Managed reference scoring (softmax probabilities), used for tests and explanations.</summary>
    public double[] Score(SparseFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var c = Labels.Count;
        var logits = Biases.Select(b => (double)b).ToArray();
        for (var k = 0; k < features.Indices.Length; k++)
        {
            var row = features.Indices[k] * c;
            for (var j = 0; j < c; j++)
            {
                logits[j] += Weights[row + j] * features.Values[k];
            }
        }

        var max = logits.Max();
        var exp = logits.Select(l => Math.Exp(l - max)).ToArray();
        var sum = exp.Sum();
        return [.. exp.Select(e => e / sum)];
    }

    /// <summary>Writes the ONNX file; <paramref name="metadata"/> goes into the model's metadata_props.</summary>
    public void WriteOnnx(string path, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        File.WriteAllBytes(path, ToOnnx(metadata).ToByteArray());
    }

    /// <summary>The ONNX model.</summary>
    public ModelProto ToOnnx(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var c = Labels.Count;
        var graph = new GraphProto { Name = "linear_softmax" };
        // The featurizer's own arrays go in as they are: int32 indices [n], values as one row [1, n].
        graph.Input.Add(Tensor("indices", Int32Type, "n"));
        graph.Input.Add(Tensor("values", FloatType, 1, "n"));
        var output = new ValueInfoProto { Name = "probabilities", Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = FloatType, Shape = new TensorShapeProto() } } };
        output.Type.TensorType.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = 1 });
        output.Type.TensorType.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = c });
        graph.Output.Add(output);

        graph.Initializer.Add(FloatTensor("W", Weights, Dimension, c));
        graph.Initializer.Add(FloatTensor("B", Biases, c));
        graph.Node.Add(Node("Gather", ["W", "indices"], "rows", ("axis", 0)));
        graph.Node.Add(Node("MatMul", ["values", "rows"], "weighted"));
        graph.Node.Add(Node("Add", ["weighted", "B"], "logits"));
        graph.Node.Add(Node("Softmax", ["logits"], "probabilities", ("axis", -1)));

        var model = new ModelProto { IrVersion = 7, ProducerName = "triage", ProducerVersion = "1", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 13 });
        model.MetadataProps.Add(new StringStringEntryProto { Key = "labels", Value = string.Join(',', Labels) });
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
        var labels = model.MetadataProps.Single(p => p.Key == "labels").Value.Split(',');
        var w = model.Graph.Initializer.Single(t => t.Name == "W");
        var b = model.Graph.Initializer.Single(t => t.Name == "B");
        return new LinearSoftmaxModel(labels, (int)w.Dims[0], Floats(w), Floats(b));
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

    // A tensor input whose dimensions are fixed sizes (long) or named variable lengths (string).
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

    private static NodeProto Node(string op, string[] inputs, string output, params (string Name, long Value)[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = op.ToLowerInvariant() + "_" + output };
        node.Input.Add(inputs);
        node.Output.Add(output);
        foreach (var (name, value) in attributes)
        {
            node.Attribute.Add(new AttributeProto { Name = name, I = value, Type = AttributeProto.Types.AttributeType.Int });
        }

        return node;
    }
}
