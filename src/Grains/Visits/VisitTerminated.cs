using Triage.Grains.Journal;

namespace Triage.Grains.Visits;

/// <summary>Body of <see cref="VisitEventTypes.Terminated"/>.</summary>
/// <param name="PhysicianId">The physician who stopped the visit.</param>
/// <param name="Reason">One of <see cref="Reasons"/>.</param>
/// <param name="Note">The physician's note to the family (where to go).</param>
[GenerateSerializer, Immutable, Alias("triage.VisitTerminated")]
public sealed record VisitTerminated([property: Id(0)] string PhysicianId, [property: Id(1)] string Reason, [property: Id(2), FreeText] string Note)
{
    /// <summary>The pilot's termination reasons.</summary>
    public static readonly IReadOnlyList<string> Reasons = ["condition_changed", "unsuitable_online", "emergency"];
}
