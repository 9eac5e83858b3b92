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

    /// <summary>Opens the model at <paramref name="path"/>.</summary>
    public OnnxLinearScorer(string path)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _session = new InferenceSession(path, options);
        Labels = _session.ModelMetadata.CustomMetadataMap["labels"].Split(',');
    }

    /// <summary>Class labels in output order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Softmax probabilities for one feature vector.</summary>
    public float[] Score(SparseFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var indices = new long[features.Indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            indices[i] = features.Indices[i];
        }

        long[] shape = [indices.Length];
        using var indexValue = OrtValue.CreateTensorValueFromMemory(indices, shape);
        using var valueValue = OrtValue.CreateTensorValueFromMemory(features.Values, shape);
        using var outputs = _session.Run(_run, InputNames, [indexValue, valueValue], OutputNames);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _run.Dispose();
        _session.Dispose();
    }
}
