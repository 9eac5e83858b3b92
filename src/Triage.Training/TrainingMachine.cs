using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text.Json.Nodes;

namespace Triage.Training;

/// <summary>
/// The machine a model is trained on. ML.NET's vector code sums in a different order with 512-bit
/// vectors than with 256-bit ones, so on a CPU with AVX-512 the same data trained weights that differed
/// in their last bits, and those bits moved a tuned threshold (online 0.35 became 0.3) and the figures.
/// Training therefore runs with AVX-512 switched off in the runtime (<see cref="PinVariable"/>=0): on an
/// AVX-512 machine it then reproduced the AVX2 machine's thresholds and every figure exactly.
/// </summary>
public static class TrainingMachine
{
    /// <summary>The runtime switch that keeps .NET (and so ML.NET) to 256-bit vectors; read only at process start.</summary>
    public const string PinVariable = "DOTNET_EnableAVX512";

    /// <summary>True when this process uses 512-bit vectors, so training here would not reproduce the shipped weights.</summary>
    public static bool UsesWideVectors => Vector512.IsHardwareAccelerated;

    /// <summary>Fails when this process uses 512-bit vectors, naming the switch that fixes it.</summary>
    public static void RequireReproducibleVectors()
    {
        if (UsesWideVectors)
        {
            throw new InvalidOperationException(
                $"training needs 256-bit vectors to reproduce the shipped models on every x86 machine: run it with {PinVariable}=0 (triage train sets it itself)");
        }
    }

    /// <summary>Instruction sets and vector width the training process used, runtime and ML.NET version.</summary>
    public static JsonObject Describe() => new()
    {
        ["architecture"] = RuntimeInformation.ProcessArchitecture.ToString(),
        ["vectorInstructions"] = new JsonArray([.. new (string Name, bool Has)[]
        {
            ("SSE4.2", Sse42.IsSupported),
            ("AVX", Avx.IsSupported),
            ("AVX2", Avx2.IsSupported),
            ("FMA", Fma.IsSupported),
        }.Where(x => x.Has).Select(x => (JsonNode)x.Name)]),
        ["vectorBits"] = Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0,
        ["runtime"] = RuntimeInformation.FrameworkDescription,
        ["os"] = RuntimeInformation.OSDescription,
        ["mlNet"] = Version(typeof(Microsoft.ML.MLContext)),
        ["onnxRuntime"] = Version(typeof(Microsoft.ML.OnnxRuntime.InferenceSession)),
    };

    // The package's own version ("5.0.1+sha"), not the assembly's (ML.NET keeps it at 1.0.0.0).
    private static string? Version(Type type) =>
        type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
}
