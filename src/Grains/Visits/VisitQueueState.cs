namespace Triage.Grains.Visits;

/// <summary>A queue's state, derived from the case journals (never stored): cases waiting, in order, and each physician's open visits.</summary>
public sealed class VisitQueueState
{
    /// <summary>Booked cases not yet taken, in the order they are served.</summary>
    public List<Guid> Waiting { get; init; } = [];

    /// <summary>Per physician id, the cases taken and not yet completed, terminated or handed back.</summary>
    public Dictionary<string, List<Guid>> Open { get; init; } = [];
}
