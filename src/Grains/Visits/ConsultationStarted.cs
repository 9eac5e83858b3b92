using Triage.Domain.Classification;

namespace Triage.Grains.Visits;

/// <summary>Body of <see cref="VisitEventTypes.Started"/>.</summary>
/// <param name="PhysicianId">The physician.</param>
/// <param name="RealNameCheck">How the physician's real name was verified before this consultation (e.g. <c>face_recognition</c>).</param>
/// <param name="Specialties">The physician's whitelisted specialties at that moment, as evidence.</param>
[GenerateSerializer, Immutable, Alias("triage.ConsultationStarted")]
public sealed record ConsultationStarted(
    [property: Id(0)] string PhysicianId,
    [property: Id(1)] string RealNameCheck,
    [property: Id(2)] IReadOnlyList<Specialty> Specialties);
