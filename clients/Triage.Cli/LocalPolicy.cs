using Triage.Models.Classification;
using Triage.Models.Decision;

namespace Triage.Cli;

/// <summary>The policy the service runs, built in this process for <c>--in-process</c> and <c>evaluate</c>.</summary>
internal static class LocalPolicy
{
    public static EligibilityPolicy From(CommandLine args) =>
        new(new KeywordComplaintClassifier(), PilotOptions.Beijing2026(), AsOfClock.From(args));
}
