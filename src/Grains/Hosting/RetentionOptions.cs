namespace Triage.Grains.Hosting;

/// <summary>
/// How long records are kept (section <c>Retention</c>), as the policy requires: a case that reached
/// a consultation is a medical record (at least 15 years); a case that never did is a record of
/// the process (at least 3 years). Counted from a case's last event.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Retention";

    /// <summary>Years a medical record is kept after its last event.</summary>
    public int MedicalRecordYears { get; set; } = 15;

    /// <summary>Years a process record is kept after its last event.</summary>
    public int ProcessRecordYears { get; set; } = 3;

    /// <summary>The first problem with the settings, naming it; null when they meet the policy's minimums.</summary>
    public string? Problem() =>
        MedicalRecordYears < 15 ? "Retention:MedicalRecordYears: the policy requires at least 15"
        : ProcessRecordYears < 3 ? "Retention:ProcessRecordYears: the policy requires at least 3"
        : null;
}
