using System.Reflection;
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
        ["mlNet"] = Version(typeof(Microsoft.ML.MLContext)),
        ["onnxRuntime"] = Version(typeof(Microsoft.ML.OnnxRuntime.InferenceSession)),
    };

    // The package's own version ("5.0.1+sha"), not the assembly's (ML.NET keeps it at 1.0.0.0).
    private static string? Version(Type type) =>
        type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
}
