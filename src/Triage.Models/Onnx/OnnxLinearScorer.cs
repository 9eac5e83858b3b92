using Microsoft.ML.OnnxRuntime;
using Triage.Models.Features;

namespace Triage.Models.Onnx;

/// <summary>
/// One shared ONNX Runtime session for one <see cref="LinearSoftmaxModel"/> file. Thread-safe:
/// ONNX Runtime allows concurrent Run calls on a session.
/// </summary>
public sealed class OnnxLinearScorer : IDisposable
{
    private static readonly string[] InputNames = ["indices", "values"];
    private static readonly string[] OutputNames = ["probabilities"];
    private readonly InferenceSession _session;
    private readonly RunOptions _run = new();
    private readonly long[] _outputShape;

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
        Labels = _session.ModelMetadata.CustomMetadataMap["labels"].Split(',');
        _outputShape = [1, Labels.Count];
    }

    /// <summary>Class labels in output order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Softmax probabilities for one feature vector.</summary>
    public float[] Score(SparseFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var n = features.Indices.Length;
        var probabilities = new float[Labels.Count];

        // The feature arrays are pinned and read in place, and ONNX Runtime writes straight into
        // the array returned: nothing is copied on either side.
        using var indexValue = OrtValue.CreateTensorValueFromMemory(features.Indices, [n]);
        using var valueValue = OrtValue.CreateTensorValueFromMemory(features.Values, [1, n]);
        using var output = OrtValue.CreateTensorValueFromMemory(probabilities, _outputShape);
        _session.Run(_run, InputNames, [indexValue, valueValue], OutputNames, [output]);
        return probabilities;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _run.Dispose();
        _session.Dispose();
    }
}
