namespace Triage.Grains.Visits;

/// <summary>Body of <see cref="VisitEventTypes.Completed"/>: the physician's own conclusions, which the evaluation compares with the triage.</summary>
/// <param name="PhysicianId">The physician.</param>
/// <param name="Diagnosis">The physician's diagnosis.</param>
/// <param name="FinalDisposition">The disposition the physician judges right, by policy name.</param>
/// <param name="FinalSpecialty">The specialty the physician judges right, by policy name.</param>
[GenerateSerializer, Immutable, Alias("triage.VisitCompleted")]
public sealed record VisitCompleted(
    [property: Id(0)] string PhysicianId,
    [property: Id(1)] string Diagnosis,
    [property: Id(2)] string FinalDisposition,
    [property: Id(3)] string FinalSpecialty);
