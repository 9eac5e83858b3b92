using Triage.Domain.Evaluation;
using Triage.Domain.Growth;
using Triage.Models.Classification;

namespace Triage.Training.Tests;

/// <summary>Finds the repository's shipped models and the shared data from the test's folder.</summary>
internal static class Repository
{
    public static string ModelsFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "models", ModelFolder.CurrentFile)) && File.Exists(Path.Combine(dir.FullName, "Triage.sln")))
                {
                    return Path.Combine(dir.FullName, "models");
                }
            }

            throw new InvalidOperationException("models/current not found above " + AppContext.BaseDirectory);
        }
    }

    public static string ShippedModel => Path.Combine(ModelsFolder, ModelFolder.CurrentVersion(ModelsFolder));

    public static GrowthReference Growth => LazyGrowth.Value;

    private static readonly Lazy<GrowthReference> LazyGrowth = new(() => GrowthReference.Load(Path.Combine(DataFolder, "growth")));

    public static string DataFolder => LabelledData.FindSharedDataFolder(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("../shared/data not found above " + AppContext.BaseDirectory);
}
