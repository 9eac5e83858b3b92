using System.Runtime.InteropServices;
using Google.Protobuf;
using Triage.Models.Onnx;
using Triage.Models.Onnx.Proto;

namespace Triage.Training;

/// <summary>
/// Writes trained linear heads as one ONNX graph, from the ONNX IR specification, since the ML.NET
/// converter is not available here: int32 indices and float values in, Gather of the weight rows
/// and one Gemm to the logits of every head side by side, opset 13. ONNX Runtime costs about two
/// microseconds per node and output here, so the graph stops at the logits: with a Split and a
/// Softmax per head it took twice as long. Serving reads it back with
/// <see cref="LinearSoftmaxModel.ReadOnnx"/> and scores it with <see cref="OnnxLinearScorer"/>.
/// </summary>
public static class OnnxModelWriter
{
    private const int FloatType = 1;
    private const int Int32Type = 6;

    /// <summary>Writes the ONNX file; <paramref name="metadata"/> goes into the model's metadata_props.</summary>
    public static void WriteOnnx(this LinearSoftmaxModel model, string path, IReadOnlyDictionary<string, string> metadata) =>
        File.WriteAllBytes(path, model.ToOnnx(metadata).ToByteArray());

    /// <summary>The ONNX model: one Gather over all heads' weights side by side and one Gemm, to every head's logits.</summary>
    public static ModelProto ToOnnx(this LinearSoftmaxModel model, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(metadata);
        var (dimension, heads) = (model.Dimension, model.Heads);
        var width = heads.Sum(h => h.Classes);
        var weights = new float[(long)dimension * width];
        var biases = new float[width];
        var offset = 0;
        foreach (var head in heads)
        {
            for (var f = 0; f < dimension; f++)
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
        graph.Initializer.Add(FloatTensor("W", weights, dimension, width));
        graph.Initializer.Add(FloatTensor("B", biases, width));
        graph.Node.Add(Node("Gather", ["W", "indices"], ["rows"], ("axis", 0)));
        graph.Node.Add(Node("Gemm", ["values", "rows", "B"], [LinearSoftmaxModel.LogitsOutput]));
        graph.Output.Add(Tensor(LinearSoftmaxModel.LogitsOutput, FloatType, 1, (long)width));

        var onnx = new ModelProto { IrVersion = 7, ProducerName = "triage", ProducerVersion = "3", Graph = graph };
        onnx.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 13 });
        onnx.MetadataProps.Add(new StringStringEntryProto { Key = "heads", Value = string.Join(',', heads.Select(h => h.Name)) });
        foreach (var head in heads)
        {
            onnx.MetadataProps.Add(new StringStringEntryProto { Key = "labels." + head.Name, Value = string.Join(',', head.Labels) });
        }

        foreach (var (key, value) in metadata)
        {
            onnx.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return onnx;
    }

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
