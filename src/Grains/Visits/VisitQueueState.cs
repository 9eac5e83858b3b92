namespace Triage.Grains.Visits;

/// <summary>A queue's state, derived from the case journals (never stored): cases waiting, in order, and each physician's open visits.</summary>
public sealed class VisitQueueState
{
    /// <summary>Booked cases not yet taken, in the order they are served.</summary>
    public List<Guid> Waiting { get; init; } = [];

    /// <summary>Per physician id, the cases taken and not yet completed, terminated or handed back.</summary>
    public Dictionary<string, List<Guid>> Open { get; init; } = [];

    /// <summary>
    /// Adds a case from its last visit-lifecycle event, as the queue sources read them in serving
    /// order: assigned, it is open with its physician; booked or handed back, it waits.
    /// </summary>
    public void Add(Guid caseId, string lastEventType, string lastEventPayload)
    {
        if (lastEventType != VisitEventTypes.Assigned)
        {
            Waiting.Add(caseId);
            return;
        }

        var physician = Cases.CaseJson.Deserialize<VisitAssigned>(lastEventPayload).PhysicianId;
        if (!Open.TryGetValue(physician, out var open))
        {
            Open[physician] = open = [];
        }

        open.Add(caseId);
    }
}
