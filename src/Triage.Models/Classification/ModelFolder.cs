namespace Triage.Models.Classification;

/// <summary>
/// A folder of model versions (<c>VERSION/model-card.json, *.onnx</c>) and a <c>current</c> file
/// naming the version to serve. Publishing a version is writing it, then rewriting <c>current</c>.
/// </summary>
public static class ModelFolder
{
    /// <summary>The file naming the served version.</summary>
    public const string CurrentFile = "current";

    /// <summary>The version named by <c>current</c>.</summary>
    public static string CurrentVersion(string folder)
    {
        var path = Path.Combine(folder, CurrentFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Models: no '{CurrentFile}' file in the model folder", path);
        }

        var version = File.ReadAllText(path).Trim();
        if (version.Length == 0 || version.Contains('/', StringComparison.Ordinal) || version.Contains('\\', StringComparison.Ordinal) || version.Contains("..", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Models: '{CurrentFile}' must name a version folder");
        }

        return version;
    }

    /// <summary>Loads the current version's classifier.</summary>
    public static OnnxComplaintClassifier LoadCurrent(string folder) => new(Path.Combine(folder, CurrentVersion(folder)));

    /// <summary>Points <c>current</c> at <paramref name="version"/> (atomically: write, then rename).</summary>
    public static void Publish(string folder, string version)
    {
        var temp = Path.Combine(folder, CurrentFile + ".tmp");
        File.WriteAllText(temp, version + "\n");
        File.Move(temp, Path.Combine(folder, CurrentFile), overwrite: true);
    }
}
