namespace Triage.Grains.Visits;

/// <summary>What a queue stores: cases waiting, oldest first, and each physician's open visits.</summary>
[GenerateSerializer, Alias("triage.VisitQueueState")]
public sealed class VisitQueueState
{
    /// <summary>Booked cases not yet taken, oldest first.</summary>
    [Id(0)] public List<Guid> Waiting { get; set; } = [];

    /// <summary>Per physician id, the cases taken and not yet completed or terminated.</summary>
    [Id(1)] public Dictionary<string, List<Guid>> Open { get; set; } = [];
}
