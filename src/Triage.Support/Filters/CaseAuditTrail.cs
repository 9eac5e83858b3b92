using Triage.Grains.Cases;

namespace Triage.Support.Filters;

/// <summary>The audit trail of one case, written through its grain as the assigned physician's decision support.</summary>
public sealed class CaseAuditTrail(ICaseGrain grain, string physicianId) : ISupportAuditTrail
{
    /// <inheritdoc />
    public async Task RecordAsync(SupportInvoked invocation)
    {
        if (!await grain.RecordSupportAsync(physicianId, invocation))
        {
            throw new InvalidOperationException("decision support: the case is not assigned to this physician");
        }
    }
}
