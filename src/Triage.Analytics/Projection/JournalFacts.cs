using Triage.Domain.Evaluation;
using Triage.Domain.RedFlags;
using Triage.Grains.Cases;
using Triage.Grains.Journal;
using Triage.Grains.Physicians;
using Triage.Grains.Visits;

namespace Triage.Analytics.Projection;

/// <summary>
/// What each journal event contributes to the analytics projection. Only coded fields cross over:
/// free text (complaints, messages, diagnoses, notes), names and app references stay in the journal.
/// </summary>
public static class JournalFacts
{
    /// <summary>Spellings of Beijing as a province of residence; anything else given is out of town.</summary>
    private static readonly HashSet<string> BeijingNames = new(StringComparer.OrdinalIgnoreCase) { "北京", "北京市", "beijing", "bj", "110000" };

    /// <summary>The case fact of <paramref name="entry"/>, or null when the event carries nothing the evaluation counts.</summary>
    public static CaseFact? OfCase(long position, string caseKey, JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var fact = new CaseFact { Position = position, CaseKey = caseKey, At = entry.OccurredAt, Type = entry.Type };
        switch (entry.Type)
        {
            case CaseEventTypes.Opened:
                var opened = CaseJson.Deserialize<CaseOpened>(entry.Payload);
                return fact with
                {
                    Hospital = Blank(opened.Patient.PreferredHospital)?.ToUpperInvariant(),
                    Province = ProvinceGroup(opened.Patient.Province),
                    Guardian = opened.Patient.GuardianPresent,
                };
            case CaseEventTypes.Answered:
                var patient = CaseJson.Deserialize<CaseAnswered>(entry.Payload).Patient;
                return fact with
                {
                    Hospital = Blank(patient?.PreferredHospital)?.ToUpperInvariant(),
                    Province = ProvinceGroup(patient?.Province),
                    Guardian = patient?.GuardianPresent,
                };
            case CaseEventTypes.Assessed:
                var d = CaseJson.Deserialize<CaseAssessed>(entry.Payload).Decision;
                return fact with
                {
                    Disposition = LabelNames.Of(d.Disposition),
                    Specialty = LabelNames.Of(d.Specialty),
                    ModelVersion = d.ModelVersion,
                    PolicyVersion = d.PolicyVersion,
                    RedFlags = [.. d.RedFlags.Where(f => f.Affirmed).Select(f => RedFlagTags.Name(f.Tag)).Distinct()],
                    Reason = d.Reasons.Length > 0 ? d.Reasons[0].Code : null,
                    AgeMonths = d.Facts.AgeMonths,
                };
            case VisitEventTypes.Booked:
                var booked = CaseJson.Deserialize<VisitBooked>(entry.Payload);
                return fact with { Hospital = booked.Hospital, Specialty = LabelNames.Of(booked.Specialty) };
            case VisitEventTypes.Assigned:
                return fact with { PhysicianKey = KeyOf(CaseJson.Deserialize<VisitAssigned>(entry.Payload).PhysicianId) };
            case VisitEventTypes.Started:
                return fact with { PhysicianKey = KeyOf(CaseJson.Deserialize<ConsultationStarted>(entry.Payload).PhysicianId) };
            case VisitEventTypes.Alert:
                var alert = CaseJson.Deserialize<VisitAlert>(entry.Payload);
                return fact with
                {
                    Disposition = LabelNames.Of(alert.Disposition),
                    RedFlags = [.. alert.RedFlags.Select(RedFlagTags.Name)],
                    Reason = alert.SuggestedTermination,
                };
            case VisitEventTypes.AlertAcknowledged:
                return fact with { PhysicianKey = KeyOf(CaseJson.Deserialize<AlertAcknowledged>(entry.Payload).PhysicianId) };
            case VisitEventTypes.HandedBack:
                return fact with { PhysicianKey = KeyOf(CaseJson.Deserialize<VisitHandedBack>(entry.Payload).PhysicianId) };
            case VisitEventTypes.Terminated:
                var terminated = CaseJson.Deserialize<VisitTerminated>(entry.Payload);
                return fact with { PhysicianKey = KeyOf(terminated.PhysicianId), Reason = terminated.Reason };
            case VisitEventTypes.Completed:
                var completed = CaseJson.Deserialize<VisitCompleted>(entry.Payload);
                return fact with
                {
                    PhysicianKey = KeyOf(completed.PhysicianId),
                    FinalDisposition = LabelNames.Of(completed.FinalDisposition),
                    FinalSpecialty = LabelNames.Of(completed.FinalSpecialty),
                };
            case VisitEventTypes.Prescribed:
                var prescription = CaseJson.Deserialize<PrescriptionSigned>(entry.Payload);
                return fact with
                {
                    PhysicianKey = KeyOf(prescription.PhysicianId),
                    // The physician's own act: signed, and recorded as done by the physician who signed.
                    SignedByPhysician = !string.IsNullOrWhiteSpace(prescription.Signature) && prescription.PhysicianId == entry.Actor,
                };
            default:
                return null;
        }
    }

    /// <summary>The standing fact of a physician's journal entry, or null for the other physician events.</summary>
    public static PhysicianFact? OfPhysician(long position, string physicianKey, JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Type != PhysicianEventTypes.StandingChanged)
        {
            return null;
        }

        var standing = CaseJson.Deserialize<PhysicianStanding>(entry.Payload);
        return new PhysicianFact(position, physicianKey, entry.OccurredAt, standing.Hospital.ToUpperInvariant(), [.. standing.Specialties.Select(LabelNames.Of)]);
    }

    /// <summary>True for the event types of a physician's journal.</summary>
    public static bool IsPhysicianEvent(string type) =>
        type is PhysicianEventTypes.Registered or PhysicianEventTypes.Suspended or PhysicianEventTypes.Reinstated or PhysicianEventTypes.StandingChanged;

    /// <summary><c>beijing</c>, <c>out_of_town</c>, or null when no province was given.</summary>
    public static string? ProvinceGroup(string? province) =>
        Blank(province) is not { } given ? null : BeijingNames.Contains(given.Trim()) ? "beijing" : "out_of_town";

    private static string KeyOf(string physicianId) => PhysicianGrain.KeyOf(physicianId).ToString("N");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
