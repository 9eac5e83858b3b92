using Microsoft.ML.OnnxRuntime;
using Triage.Models.Features;

namespace Triage.Models.Onnx;

/// <summary>
/// One shared ONNX Runtime session for a <see cref="LinearSoftmaxModel"/> file: every head of a
/// complaint in one run, each head's softmax taken here over its slice of the logits. Thread-safe:
/// ONNX Runtime allows concurrent Run calls on a session.
/// </summary>
public sealed class OnnxLinearScorer : IDisposable
{
    private static readonly string[] InputNames = ["indices", "values"];
    private static readonly string[] OutputNames = [LinearSoftmaxModel.LogitsOutput];
    private readonly InferenceSession _session;
    private readonly RunOptions _run = new();
    private readonly string[] _heads;
    private readonly int[] _offsets;
    private readonly long[] _logitsShape;

    /// <summary>Opens the model at <paramref name="path"/>.</summary>
    public OnnxLinearScorer(string path)
    {
        // One complaint is a few hundred multiply-adds: threads and memory-pattern planning (the
        // input length changes every call) cost more than they save.
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            EnableMemoryPattern = false,
        };
        _session = new InferenceSession(path, options);
        var meta = _session.ModelMetadata.CustomMetadataMap;
        _heads = meta["heads"].Split(',');
        Labels = _heads.ToDictionary(h => h, h => (IReadOnlyList<string>)meta["labels." + h].Split(','));
        _offsets = new int[_heads.Length + 1];
        for (var h = 0; h < _heads.Length; h++)
        {
            _offsets[h + 1] = _offsets[h] + Labels[_heads[h]].Count;
        }

        if (!_session.OutputMetadata.TryGetValue(LinearSoftmaxModel.LogitsOutput, out var output) || output.Dimensions[^1] != _offsets[^1])
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: no '{LinearSoftmaxModel.LogitsOutput}' output of width {_offsets[^1]} (a model file of another format)");
        }

        _logitsShape = [1, _offsets[^1]];
    }

    /// <summary>The heads' names, in the order <see cref="Score"/> returns them.</summary>
    public IReadOnlyList<string> Heads => _heads;

    /// <summary>Each head's class labels in output order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Labels { get; }

    /// <summary>Softmax probabilities of every head for one feature vector, in <see cref="Heads"/> order.</summary>
    public float[][] Score(SparseFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var n = features.Indices.Length;
        var logits = new float[_logitsShape[1]];
        // The feature arrays are pinned and read in place, and ONNX Runtime writes straight into
        // the logits array: nothing is copied on either side.
        using (var indexValue = OrtValue.CreateTensorValueFromMemory(features.Indices, [n]))
        using (var valueValue = OrtValue.CreateTensorValueFromMemory(features.Values, [1, n]))
        using (var output = OrtValue.CreateTensorValueFromMemory(logits, _logitsShape))
        {
            _session.Run(_run, InputNames, [indexValue, valueValue], OutputNames, [output]);
        }

        var results = new float[_heads.Length][];
        for (var h = 0; h < _heads.Length; h++)
        {
            results[h] = Softmax(logits.AsSpan(_offsets[h], _offsets[h + 1] - _offsets[h]));
        }

        return results;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _run.Dispose();
        _session.Dispose();
    }

    // In double, shifted by the largest logit, as ONNX's Softmax does: no overflow, sums to one.
    private static float[] Softmax(ReadOnlySpan<float> logits)
    {
        var max = float.NegativeInfinity;
        foreach (var l in logits)
        {
            max = Math.Max(max, l);
        }

        Span<double> exp = stackalloc double[logits.Length];
        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            exp[i] = Math.Exp(logits[i] - max);
            sum += exp[i];
        }

        var probabilities = new float[logits.Length];
        for (var i = 0; i < logits.Length; i++)
        {
            probabilities[i] = (float)(exp[i] / sum);
        }

        return probabilities;
    }
}
