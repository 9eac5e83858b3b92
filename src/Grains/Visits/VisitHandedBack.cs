using Triage.Grains.Journal;

namespace Triage.Grains.Visits;

/// <summary>
/// Body of <see cref="VisitEventTypes.HandedBack"/>: the physician gave the visit back (the only act
/// left to a physician suspended or lapsed mid-visit); the case waits again at the front of its queue.
/// </summary>
/// <param name="PhysicianId">The physician who handed it back.</param>
/// <param name="Reason">Why, in the physician's words or <c>off_whitelist</c>.</param>
[GenerateSerializer, Immutable, Alias("triage.VisitHandedBack")]
public sealed record VisitHandedBack([property: Id(0)] string PhysicianId, [property: Id(1), FreeText] string Reason);
