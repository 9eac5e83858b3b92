using Triage.Domain.Classification;
using Triage.Grains.Journal;

namespace Triage.Grains.Visits;

/// <summary>Body of <see cref="VisitEventTypes.Completed"/>: the physician's own conclusions, which the evaluation compares with the triage.</summary>
/// <param name="PhysicianId">The physician.</param>
/// <param name="Diagnosis">The physician's diagnosis.</param>
/// <param name="FinalDisposition">The disposition the physician judges right.</param>
/// <param name="FinalSpecialty">The specialty the physician judges right.</param>
[GenerateSerializer, Immutable, Alias("triage.VisitCompleted")]
public sealed record VisitCompleted(
    [property: Id(0)] string PhysicianId,
    [property: Id(1), FreeText] string Diagnosis,
    [property: Id(2)] Disposition FinalDisposition,
    [property: Id(3)] Specialty FinalSpecialty);
