using Triage.Models.Classification;
using Triage.Models.Decision;

namespace Triage.Cli;

/// <summary>
/// The policy the service runs, built in this process for <c>--in-process</c> and <c>evaluate</c>:
/// with the model version in <c>--model FOLDER</c>, else the keyword rules.
/// </summary>
internal static class LocalPolicy
{
    public static EligibilityPolicy From(CommandLine args)
    {
        IComplaintClassifier classifier = args.Get("--model") is { } folder
            ? new OnnxComplaintClassifier(File.Exists(Path.Combine(folder, ModelCard.FileName)) ? folder : throw new UsageException($"--model: no {ModelCard.FileName} in {folder}"))
            : new KeywordComplaintClassifier();
        return new EligibilityPolicy(classifier, PilotOptions.Beijing2026(), AsOfClock.From(args));
    }
}
