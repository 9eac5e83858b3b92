using System.ComponentModel;
using Microsoft.SemanticKernel;
using Triage.Domain.Decision;
using Triage.Domain.Evaluation;
using Triage.Domain.RedFlags;

namespace Triage.Support.Plugins;

/// <summary>The triage policy as a kernel plugin: decide a text the way the service does.</summary>
public sealed class TriagePlugin(EligibilityPolicy policy)
{
    /// <summary>Triages a complaint text.</summary>
    [KernelFunction("assess"), Description("Triage a parent's complaint by the Beijing pilot policy: disposition (online, emergency, offline, out_of_scope, needs_info), specialty, red flags with the words that raised them, and reasons.")]
    public TriageResult Assess(
        [Description("The complaint or message, in Chinese or English, as the parent wrote it")] string text,
        [Description("The child's age in months, when known")] double? ageMonths = null)
    {
        var d = policy.Assess(ComplaintInput.Build(text, ageMonths: ageMonths));
        return new TriageResult(
            LabelNames.Of(d.Disposition),
            LabelNames.Of(d.Specialty),
            [.. d.RedFlags.Where(f => f.Affirmed).Select(f => $"{RedFlagTags.Name(f.Tag)}: {(f.Source == RedFlagSource.Model ? $"model p={f.Probability}" : f.Evidence.Text)}")],
            [.. d.RedFlags.Where(f => !f.Affirmed).Select(f => RedFlagTags.Name(f.Tag))],
            [.. d.Reasons.Select(r => r.En)]);
    }
}
