using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Text.Json.Nodes;

namespace Triage.Training;

/// <summary>
/// The machine a model was trained on, for its card: ML.NET's vector code sums in different orders
/// on different instruction sets, so the same data trains weights that differ in their last bits
/// from one CPU to another. Versions and figures are compared across machines, bytes only within one.
/// </summary>
public static class TrainingMachine
{
    /// <summary>Instruction sets, runtime and ML.NET version.</summary>
    public static JsonObject Describe() => new()
    {
        ["architecture"] = RuntimeInformation.ProcessArchitecture.ToString(),
        ["vectorInstructions"] = new JsonArray([.. new (string Name, bool Has)[]
        {
            ("SSE4.2", Sse42.IsSupported),
            ("AVX", Avx.IsSupported),
            ("AVX2", Avx2.IsSupported),
            ("FMA", Fma.IsSupported),
            ("AVX-512F", Avx512F.IsSupported),
        }.Where(x => x.Has).Select(x => (JsonNode)x.Name)]),
        ["runtime"] = RuntimeInformation.FrameworkDescription,
        ["os"] = RuntimeInformation.OSDescription,
        ["mlNet"] = typeof(Microsoft.ML.MLContext).Assembly.GetName().Version?.ToString(),
        ["onnxRuntime"] = typeof(Microsoft.ML.OnnxRuntime.InferenceSession).Assembly.GetName().Version?.ToString(),
    };
}
