using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Triage.Domain.Classification;
using Triage.Models.Features;

namespace Triage.Models.Classification;

/// <summary>
/// What a model version is: how it was made (data hashes, feature settings, seed), how it decides
/// (thresholds) and how well it did (metrics, confusion matrices). Saved as <c>model-card.json</c>
/// beside the ONNX files; serving reads the version, settings and thresholds from it.
/// </summary>
public sealed record ModelCard
{
    /// <summary>File name inside a model folder.</summary>
    public const string FileName = "model-card.json";

    /// <summary>Serialisation settings: indented, readable Chinese, camelCase.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Recorded with every decision, e.g. <c>maxent-1a2b3c4d</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The algorithm and trainer.</summary>
    public required string Algorithm { get; init; }

    /// <summary>SHA-256 of each data file used, by file name.</summary>
    public required IReadOnlyDictionary<string, string> DataSha256 { get; init; }

    /// <summary>The featurizer settings the model needs.</summary>
    public required FeatureSettings Features { get; init; }

    /// <summary>The training seed.</summary>
    public required int Seed { get; init; }

    /// <summary>The clinical vocabulary the features were read with (its red flags are features).</summary>
    public string? Vocabulary { get; init; }

    /// <summary>The specialty lexicon the features were read with (its cues are features).</summary>
    public string? Lexicon { get; init; }

    /// <summary>The decision thresholds, tuned on out-of-fold predictions.</summary>
    public required DecisionThresholds Thresholds { get; init; }

    /// <summary>Each head's vector scaling (already folded into the exported weights), fitted on out-of-fold predictions.</summary>
    public JsonObject? Calibration { get; init; }

    /// <summary>Metrics: leave-one-source-out cross-validation, and the validation split.</summary>
    public required JsonObject Metrics { get; init; }

    /// <summary>Where it was trained: instruction sets, runtime, ML.NET version (vector code rounds differently by CPU width).</summary>
    public JsonObject? Machine { get; init; }

    /// <summary>Reads the card in <paramref name="folder"/>.</summary>
    public static ModelCard Read(string folder) =>
        JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(Path.Combine(folder, FileName)), Json) ?? throw new InvalidDataException("empty model card");

    /// <summary>Writes the card into <paramref name="folder"/>.</summary>
    public void Write(string folder) => File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json) + "\n");
}
