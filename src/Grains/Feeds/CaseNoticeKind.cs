namespace Triage.Grains.Feeds;

/// <summary>What a <see cref="CaseNotice"/> tells.</summary>
public enum CaseNoticeKind
{
    /// <summary>The watch is live: every later change of the watched cases will follow.</summary>
    Ready = 0,

    /// <summary>A message of the visit's conversation.</summary>
    Message = 1,

    /// <summary>The re-triage of a parent's message raised an emergency or offline alert.</summary>
    Alert = 2,

    /// <summary>The visit's stage changed (booked, taken, started, completed, terminated, handed back) or an alert was decided.</summary>
    Status = 3,
}
