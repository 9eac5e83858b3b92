using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Growth;
using Triage.Models.Classification;

namespace Triage.Cli;

/// <summary>
/// The policy the service runs, built in this process for <c>--in-process</c> and <c>evaluate</c>:
/// the served model (<c>models/current</c> of this repository, or <c>--model FOLDER</c>), or the
/// keyword rules alone with <c>--rules-only</c>. One decision path: the same model decides here as there.
/// </summary>
internal static class LocalPolicy
{
    public static EligibilityPolicy From(CommandLine args)
    {
        IComplaintClassifier classifier = args.Has("--rules-only") ? new KeywordComplaintClassifier()
            : Load(args.Get("--model") ?? FindServedModels() ?? throw new UsageException("no models/current found above this folder: give --model FOLDER, or --rules-only for the keyword rules alone"));
        return new EligibilityPolicy(classifier, PilotOptions.Beijing2026(), AsOfClock.From(args), Growth(args));
    }

    // The WHO tables: --growth FOLDER, else the shared data folder above here.
    private static GrowthReference Growth(CommandLine args) =>
        args.Get("--growth") is { } folder ? GrowthReference.Load(folder) : GrowthReference.LoadShared(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    // The models folder the service serves: models/current above the working folder or this program.
    private static string? FindServedModels()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "models", ModelFolder.CurrentFile)))
                {
                    return Path.Combine(dir.FullName, "models");
                }
            }
        }

        return null;
    }

    // One version's folder (holding its card), or the models folder the silo serves (holding 'current').
    private static OnnxComplaintClassifier Load(string folder)
    {
        if (File.Exists(Path.Combine(folder, ModelCard.FileName)))
        {
            return new OnnxComplaintClassifier(folder);
        }

        return File.Exists(Path.Combine(folder, ModelFolder.CurrentFile))
            ? ModelFolder.LoadCurrent(folder)
            : throw new UsageException($"--model: {folder} holds neither {ModelCard.FileName} nor a '{ModelFolder.CurrentFile}' file");
    }
}
