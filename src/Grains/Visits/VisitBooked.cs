using Triage.Domain.Classification;

namespace Triage.Grains.Visits;

/// <summary>Body of <see cref="VisitEventTypes.Booked"/>.</summary>
/// <param name="Hospital">Pilot hospital code.</param>
/// <param name="Specialty">Pilot specialty.</param>
[GenerateSerializer, Immutable, Alias("triage.VisitBooked")]
public sealed record VisitBooked([property: Id(0)] string Hospital, [property: Id(1)] Specialty Specialty);
