using System.Collections.Immutable;

namespace Triage.Grains.Visits;

/// <summary>A queue as a physician sees it: how many wait, and their own open visits.</summary>
/// <param name="Waiting">Cases waiting.</param>
/// <param name="OpenVisits">The caller's open visits.</param>
[GenerateSerializer, Immutable, Alias("triage.VisitQueueView")]
public sealed record VisitQueueView([property: Id(0)] int Waiting, [property: Id(1)] ImmutableArray<Guid> OpenVisits);
