using Triage.Grains.Journal;

namespace Triage.Grains.Cases;

/// <summary>Body of <see cref="CaseEventTypes.Opened"/>.</summary>
/// <param name="AppId">The booking app that owns the case.</param>
/// <param name="PatientKey">Pseudonymous patient key (a hash of the app's own reference), or empty.</param>
/// <param name="Complaint">The parent's words.</param>
/// <param name="Patient">Structured patient details.</param>
[GenerateSerializer, Immutable, Alias("triage.CaseOpened")]
public sealed record CaseOpened(
    [property: Id(0)] string AppId,
    [property: Id(1)] string PatientKey,
    [property: Id(2), FreeText] string Complaint,
    [property: Id(3)] PatientDetails Patient);
