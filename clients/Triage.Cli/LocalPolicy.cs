using Triage.Models.Classification;
using Triage.Models.Decision;
using Triage.Models.Growth;

namespace Triage.Cli;

/// <summary>
/// The policy the service runs, built in this process for <c>--in-process</c> and <c>evaluate</c>:
/// with the model version in <c>--model FOLDER</c> (a version, or the models folder and its
/// <c>current</c>), else the keyword rules.
/// </summary>
internal static class LocalPolicy
{
    public static EligibilityPolicy From(CommandLine args)
    {
        IComplaintClassifier classifier = args.Get("--model") is { } folder ? Load(folder) : new KeywordComplaintClassifier();
        return new EligibilityPolicy(classifier, PilotOptions.Beijing2026(), AsOfClock.From(args), Growth(args));
    }

    // The WHO tables: --growth FOLDER, else the shared data folder above here.
    private static GrowthReference Growth(CommandLine args) =>
        args.Get("--growth") is { } folder ? GrowthReference.Load(folder) : GrowthReference.LoadShared(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

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
