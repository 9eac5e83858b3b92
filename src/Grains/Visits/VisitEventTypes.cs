namespace Triage.Grains.Visits;

/// <summary>The visit's events in the case journal.</summary>
public static class VisitEventTypes
{
    /// <summary>Booked into a queue; body <see cref="VisitBooked"/>.</summary>
    public const string Booked = "visit_booked";

    /// <summary>Taken by a physician; body <see cref="VisitAssigned"/>.</summary>
    public const string Assigned = "visit_assigned";

    /// <summary>Consultation started after the physician's real-name check; body <see cref="ConsultationStarted"/>.</summary>
    public const string Started = "consultation_started";

    /// <summary>A message in the consultation; body <see cref="VisitMessage"/>.</summary>
    public const string Message = "visit_message";

    /// <summary>A parent's message raised a red flag; body <see cref="VisitAlert"/>.</summary>
    public const string Alert = "visit_alert";

    /// <summary>Stopped and sent offline; body <see cref="VisitTerminated"/>.</summary>
    public const string Terminated = "visit_terminated";

    /// <summary>Completed; body <see cref="VisitCompleted"/>.</summary>
    public const string Completed = "visit_completed";

    /// <summary>The physician's own signed prescription; body <see cref="PrescriptionSigned"/>.</summary>
    public const string Prescribed = "prescription_signed";

    /// <summary>The physician continues online after an emergency or offline alert, with a written reason; body <see cref="AlertAcknowledged"/>.</summary>
    public const string AlertAcknowledged = "alert_acknowledged";

    /// <summary>The physician gave the visit back to its queue; body <see cref="VisitHandedBack"/>.</summary>
    public const string HandedBack = "visit_handed_back";
}
