using Triage.Grains.Cases;

namespace Triage.Support.Filters;

/// <summary>Where decision-support invocations are written: the case's own journal in the service.</summary>
public interface ISupportAuditTrail
{
    /// <summary>Records one invocation.</summary>
    Task RecordAsync(SupportInvoked invocation);
}
