namespace Triage.Grains.Visits;

/// <summary>Body of <see cref="VisitEventTypes.Prescribed"/>: a prescription as the physician's own signed act.</summary>
/// <param name="PhysicianId">The signing physician: always the authenticated caller, never a service.</param>
/// <param name="Items">The drugs.</param>
/// <param name="Signature">The physician's electronic signature over the prescription.</param>
/// <param name="GuardianPresent">The guardian was present.</param>
/// <param name="PhysicianPresent">A relevant physician was present (required with the guardian under 6 years).</param>
[GenerateSerializer, Immutable, Alias("triage.PrescriptionSigned")]
public sealed record PrescriptionSigned(
    [property: Id(0)] string PhysicianId,
    [property: Id(1)] IReadOnlyList<PrescriptionItem> Items,
    [property: Id(2)] string Signature,
    [property: Id(3)] bool GuardianPresent,
    [property: Id(4)] bool PhysicianPresent);
