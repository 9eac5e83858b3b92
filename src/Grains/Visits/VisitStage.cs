namespace Triage.Grains.Visits;

/// <summary>Where a case's online first visit stands.</summary>
public enum VisitStage
{
    /// <summary>Not booked.</summary>
    None = 0,

    /// <summary>Waiting in the hospital's queue for the specialty.</summary>
    Booked = 1,

    /// <summary>Taken by a whitelisted physician, not started.</summary>
    Assigned = 2,

    /// <summary>The physician's real-name check is recorded and the consultation runs.</summary>
    InConsultation = 3,

    /// <summary>Completed with the physician's diagnosis.</summary>
    Completed = 4,

    /// <summary>Stopped and redirected to an in-person visit.</summary>
    Terminated = 5,
}
