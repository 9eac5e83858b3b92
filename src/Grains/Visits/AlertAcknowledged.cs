using Triage.Grains.Journal;

namespace Triage.Grains.Visits;

/// <summary>
/// Body of <see cref="VisitEventTypes.AlertAcknowledged"/>: the physician decided to continue the
/// online visit after an emergency or offline alert, and wrote why. (The other decision,
/// terminating and redirecting, is the termination itself.)
/// </summary>
/// <param name="PhysicianId">The physician.</param>
/// <param name="Reason">The physician's written reason for continuing online.</param>
/// <param name="AlertsAcknowledged">How many of the visit's alerts, counted from the first, this decision covers.</param>
[GenerateSerializer, Immutable, Alias("triage.AlertAcknowledged")]
public sealed record AlertAcknowledged([property: Id(0)] string PhysicianId, [property: Id(1), FreeText] string Reason, [property: Id(2)] int AlertsAcknowledged);
