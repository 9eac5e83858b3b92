namespace Triage.Grains.Cases;

/// <summary>Opens a case and assesses it.</summary>
/// <param name="AppId">The calling booking app.</param>
/// <param name="PatientKey">Pseudonymous patient key, or empty.</param>
/// <param name="Complaint">The parent's words, already validated.</param>
/// <param name="Patient">Patient details, already validated.</param>
[GenerateSerializer, Immutable, Alias("triage.OpenCaseCommand")]
public sealed record OpenCaseCommand(
    [property: Id(0)] string AppId,
    [property: Id(1)] string PatientKey,
    [property: Id(2)] string Complaint,
    [property: Id(3)] PatientDetails Patient);
