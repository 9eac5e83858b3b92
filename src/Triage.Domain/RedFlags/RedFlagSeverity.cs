namespace Triage.Domain.RedFlags;

/// <summary>What a red flag forces, by the policy's §4.</summary>
public enum RedFlagSeverity
{
    /// <summary>Emergency care now, whatever the specialty or age.</summary>
    Emergency = 0,

    /// <summary>An in-person visit; never an online first visit.</summary>
    Offline = 1,
}
