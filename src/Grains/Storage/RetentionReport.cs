namespace Triage.Grains.Storage;

/// <summary>What retention would remove as of a day: counts only, never a case or its content.</summary>
/// <param name="AsOf">The day the periods were counted to.</param>
/// <param name="MedicalRecords">Cases that reached a consultation.</param>
/// <param name="MedicalRecordsDue">Of those, cases whose period is over.</param>
/// <param name="ProcessRecords">Cases that never reached a consultation.</param>
/// <param name="ProcessRecordsDue">Of those, cases whose period is over.</param>
public sealed record RetentionReport(DateOnly AsOf, long MedicalRecords, long MedicalRecordsDue, long ProcessRecords, long ProcessRecordsDue);
