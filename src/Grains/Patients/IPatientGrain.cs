namespace Triage.Grains.Patients;

/// <summary>
/// A patient as one booking app knows them, keyed by a hash of the app's pseudonymous
/// reference so that no raw id ever reaches logs or storage keys.
/// </summary>
public interface IPatientGrain : IGrainWithStringKey
{
    /// <summary>Links a case to this patient; adding the same case twice is harmless.</summary>
    Task AddCaseAsync(Guid caseId);

    /// <summary>The patient's cases, oldest first.</summary>
    Task<IReadOnlyList<Guid>> GetCasesAsync();
}
