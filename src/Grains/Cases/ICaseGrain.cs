namespace Triage.Grains.Cases;

/// <summary>
/// One triage case. Owns its journal: every change is an event appended with a chained hash,
/// and the grain's state is only ever what its journal says.
/// </summary>
public interface ICaseGrain : IGrainWithGuidKey
{
    /// <summary>Opens the case with what the booking app sent and records the first decision (the view without the journal). Fails if the case already exists.</summary>
    Task<CaseView> OpenAsync(CaseOpened opened);

    /// <summary>Records answers and a new decision (the view without the journal). Null when the case does not exist or belongs to another app.</summary>
    Task<CaseView?> AnswerAsync(AnswerQuestionsCommand command);

    /// <summary>The case as <paramref name="appId"/> may see it; null when absent or not theirs.</summary>
    Task<CaseView?> GetAsync(string appId);

    /// <summary>
    /// Books the online first visit at <paramref name="hospital"/> and queues it. Only a case decided
    /// <c>online</c>, with the guardian confirmed, at a pilot hospital offering its specialty, in the
    /// pilot period. Null when absent or not <paramref name="appId"/>'s.
    /// </summary>
    Task<CaseView?> BookAsync(string appId, string hospital);

    /// <summary>
    /// Records that a physician took the case from its queue (called by the queue). False, with nothing
    /// recorded, when the case no longer waits in a queue (taken or ended already).
    /// </summary>
    Task<bool> AssignAsync(string physicianId);

    /// <summary>The case for the hospital's administrator (the record export); null when absent.</summary>
    Task<CaseView?> GetForAdministratorAsync();

    /// <summary>The case as its assigned physician sees it; null when not assigned to <paramref name="physicianId"/>.</summary>
    Task<CaseView?> GetForPhysicianAsync(string physicianId);

    /// <summary>
    /// The case for an act of its assigned physician (the brief): refused unless the physician is
    /// whitelisted for its hospital and specialty at this moment. Null when not assigned to them.
    /// </summary>
    Task<CaseView?> GetForActingPhysicianAsync(string physicianId);

    /// <summary>
    /// Continues the online visit after an emergency or offline alert, with the physician's written
    /// reason. Refused when no such alert awaits a decision.
    /// </summary>
    Task<CaseView?> ContinueAfterAlertAsync(string physicianId, string reason);

    /// <summary>
    /// Gives the visit back: it waits again at the front of its queue for another whitelisted
    /// physician. The one act left to a physician who is off the whitelist mid-visit.
    /// </summary>
    Task<CaseView?> HandBackAsync(string physicianId, string reason);

    /// <summary>
    /// Starts the consultation after the physician's real-name check. Refused unless the physician
    /// is assigned and whitelisted for the hospital and specialty at this moment.
    /// </summary>
    Task<CaseView?> StartConsultationAsync(string physicianId, Visits.RealNameCheck realNameCheck);

    /// <summary>
    /// Records a message. A parent's message (<paramref name="actor"/> is the app) is re-triaged with
    /// everything said before; a red flag raises an alert with the suggested termination.
    /// </summary>
    Task<CaseView?> AddMessageAsync(string actor, Visits.VisitMessage message);

    /// <summary>Stops the visit and sends the child to an in-person visit.</summary>
    Task<CaseView?> TerminateAsync(Visits.VisitTerminated command);

    /// <summary>Completes the visit with the physician's diagnosis, final disposition and specialty.</summary>
    Task<CaseView?> CompleteAsync(Visits.VisitCompleted command);

    /// <summary>Records the physician's own signed prescription; controlled drugs and missing presences under 6 are refused.</summary>
    Task<CaseView?> PrescribeAsync(Visits.PrescriptionSigned command);

    /// <summary>Writes a decision-support invocation into the case's audit trail; false when not assigned to <paramref name="physicianId"/>.</summary>
    Task<bool> RecordSupportAsync(string physicianId, SupportInvoked invocation);
}
