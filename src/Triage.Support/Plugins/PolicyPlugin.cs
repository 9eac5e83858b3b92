using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Microsoft.SemanticKernel;
using Triage.Domain.Decision;
using Triage.Domain.Evaluation;
using Triage.Domain.RedFlags;

namespace Triage.Support.Plugins;

/// <summary>The pilot's rules as a kernel plugin: what may be done online, and when to stop.</summary>
public sealed class PolicyPlugin(EligibilityPolicy policy)
{
    /// <summary>The red flags and what each means.</summary>
    [SuppressMessage("Performance", "CA1822", Justification = "Kernel functions are discovered on the plugin instance.")]
    [KernelFunction("red_flags"), Description("The policy's red flags: emergency tags (go to an emergency department now) and offline tags (in-person visit, not online).")]
    public RedFlagLists RedFlags() => new(
        [.. RedFlagTags.All.Where(t => RedFlagTags.Severity(t) == RedFlagSeverity.Emergency).Select(RedFlagTags.Name)],
        [.. RedFlagTags.All.Where(t => RedFlagTags.Severity(t) == RedFlagSeverity.Offline).Select(RedFlagTags.Name)]);

    /// <summary>Whether a hospital offers a specialty online.</summary>
    [KernelFunction("hospital_offers"), Description("Whether a pilot hospital offers online first visits in a specialty.")]
    public bool HospitalOffers(
        [Description("Hospital code, e.g. BCH or CCCH")] string hospital,
        [Description("growth, nutrition or dermatology")] string specialty) =>
        LabelNames.TryParseSpecialty(specialty?.Trim().ToLowerInvariant() ?? string.Empty, out var s) && policy.HospitalOffers(hospital, s);

    /// <summary>The rules that bind an online first visit.</summary>
    [KernelFunction("visit_rules"), Description("The rules binding an online first visit: guardian presence, termination conditions, and who may prescribe.")]
    public IReadOnlyList<string> VisitRules() =>
    [
        "A guardian must be present throughout an online first visit.",
        "When the condition changes or proves unsuitable, the physician ends the online visit at once and directs the child to an in-person visit (reasons: condition_changed, unsuitable_online, emergency).",
        "Only the treating physician writes and signs a prescription; decision support never drafts one.",
        "No online prescription of narcotic, psychotropic or other specially controlled drugs.",
        "An online prescription for a child under 6 needs a guardian and a relevant physician present.",
        $"The pilot runs {policy.Pilot.Start:yyyy-MM-dd} to {policy.Pilot.End:yyyy-MM-dd}.",
    ];
}
