using Microsoft.ML.OnnxRuntime;
using Triage.Models.Features;

namespace Triage.Models.Onnx;

/// <summary>
/// One shared ONNX Runtime session for a <see cref="LinearSoftmaxModel"/> file: every head of a
/// complaint in one run. Thread-safe: ONNX Runtime allows concurrent Run calls on a session.
/// </summary>
public sealed class OnnxLinearScorer : IDisposable
{
    private static readonly string[] InputNames = ["indices", "values"];
    private readonly InferenceSession _session;
    private readonly RunOptions _run = new();
    private readonly string[] _outputNames;
    private readonly long[][] _outputShapes;

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
        _outputNames = meta["heads"].Split(',');
        Labels = _outputNames.ToDictionary(h => h, h => (IReadOnlyList<string>)meta["labels." + h].Split(','));
        _outputShapes = [.. _outputNames.Select(h => new long[] { 1, Labels[h].Count })];
    }

    /// <summary>The heads' names, in the order <see cref="Score"/> returns them.</summary>
    public IReadOnlyList<string> Heads => _outputNames;

    /// <summary>Each head's class labels in output order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Labels { get; }

    /// <summary>Softmax probabilities of every head for one feature vector, in <see cref="Heads"/> order.</summary>
    public float[][] Score(SparseFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var n = features.Indices.Length;
        var results = new float[_outputNames.Length][];
        var outputs = new OrtValue[_outputNames.Length];
        // The feature arrays are pinned and read in place, and ONNX Runtime writes straight into
        // the arrays returned: nothing is copied on either side.
        using var indexValue = OrtValue.CreateTensorValueFromMemory(features.Indices, [n]);
        using var valueValue = OrtValue.CreateTensorValueFromMemory(features.Values, [1, n]);
        try
        {
            for (var h = 0; h < outputs.Length; h++)
            {
                results[h] = new float[_outputShapes[h][1]];
                outputs[h] = OrtValue.CreateTensorValueFromMemory(results[h], _outputShapes[h]);
            }

            _session.Run(_run, InputNames, [indexValue, valueValue], _outputNames, outputs);
        }
        finally
        {
            foreach (var output in outputs)
            {
                output?.Dispose();
            }
        }

        return results;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _run.Dispose();
        _session.Dispose();
    }
}
