namespace Triage.Grains.Patients;

/// <summary>What is stored for a patient: the cases, in order.</summary>
[GenerateSerializer, Alias("triage.PatientState")]
public sealed class PatientState
{
    /// <summary>Case ids, oldest first.</summary>
    [Id(0)] public List<Guid> CaseIds { get; set; } = [];
}
