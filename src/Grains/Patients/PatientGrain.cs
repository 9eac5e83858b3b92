using Triage.Grains.Storage;

namespace Triage.Grains.Patients;

/// <summary>Keeps the list of a patient's cases in grain storage.</summary>
public sealed class PatientGrain(
    [PersistentState("patient", StorageOptions.ProviderName)] IPersistentState<PatientState> state) : Grain, IPatientGrain
{
    /// <inheritdoc />
    public async Task AddCaseAsync(Guid caseId)
    {
        if (!state.State.CaseIds.Contains(caseId))
        {
            state.State.CaseIds.Add(caseId);
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Guid>> GetCasesAsync() => Task.FromResult<IReadOnlyList<Guid>>([.. state.State.CaseIds]);
}
