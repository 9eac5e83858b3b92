using System.ComponentModel;
using Microsoft.SemanticKernel;
using Triage.Domain.Evaluation;
using Triage.Domain.RedFlags;
using Triage.Grains.Cases;
using Triage.Grains.Journal;

namespace Triage.Support.Plugins;

/// <summary>The case's own history as a kernel plugin, limited to the one case the physician holds.</summary>
public sealed class CaseHistoryPlugin(CaseView view)
{
    /// <summary>The case's events.</summary>
    [KernelFunction("events"), Description("The case's recorded events, oldest first, as 'time type' lines: opening, decisions, booking, consultation, messages, alerts.")]
    public IReadOnlyList<string> Events() =>
        [.. view.Events.Select(e => $"{HashChain.FormatTime(e.OccurredAt)} {e.Type}")];

    /// <summary>The decisions made so far.</summary>
    [KernelFunction("decisions"), Description("The triage decisions recorded for this case, oldest first, as 'disposition/specialty [red flags]'.")]
    public IReadOnlyList<string> Decisions() =>
        [.. view.Events.Where(e => e.Type == CaseEventTypes.Assessed)
            .Select(e => CaseJson.Deserialize<CaseAssessed>(e.Payload).Decision)
            .Select(d => $"{LabelNames.Of(d.Disposition)}/{LabelNames.Of(d.Specialty)} [{string.Join(",", d.RedFlags.Where(f => f.Affirmed).Select(f => RedFlagTags.Name(f.Tag)))}]")];
}
