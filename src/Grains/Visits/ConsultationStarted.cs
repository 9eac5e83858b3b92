using Triage.Domain.Classification;

namespace Triage.Grains.Visits;

/// <summary>Body of <see cref="VisitEventTypes.Started"/>.</summary>
/// <param name="PhysicianId">The physician.</param>
/// <param name="RealNameCheck">How the physician's real name was verified (the method; entries written before checks were structured hold what the caller wrote).</param>
/// <param name="Specialties">The physician's whitelisted specialties at that moment, as evidence.</param>
/// <param name="Verification">The structured check: who verified whom, how and when; null in entries written before it existed.</param>
[GenerateSerializer, Immutable, Alias("triage.ConsultationStarted")]
public sealed record ConsultationStarted(
    [property: Id(0)] string PhysicianId,
    [property: Id(1)] string RealNameCheck,
    [property: Id(2)] IReadOnlyList<Specialty> Specialties,
    [property: Id(3)] RealNameCheck? Verification = null);
