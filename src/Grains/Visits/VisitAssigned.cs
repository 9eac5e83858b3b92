namespace Triage.Grains.Visits;

/// <summary>Body of <see cref="VisitEventTypes.Assigned"/>.</summary>
/// <param name="PhysicianId">The hospital's id for the physician who took the case.</param>
[GenerateSerializer, Immutable, Alias("triage.VisitAssigned")]
public sealed record VisitAssigned([property: Id(0)] string PhysicianId);
