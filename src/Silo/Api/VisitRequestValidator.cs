using System.Collections.Immutable;
using System.Globalization;
using Grpc.Core;
using Triage.Api.V1;
using Triage.Domain.Evaluation;
using Triage.Domain.Prescriptions;
using Triage.Grains.Physicians;
using Triage.Grains.Visits;
using static Triage.Silo.Api.RequestValidator;

namespace Triage.Silo.Api;

/// <summary>Field checks for the physician and visit calls; each failure names the field.</summary>
public static class VisitRequestValidator
{
    private const int MaxId = 64;
    private const int MaxMessage = 4000;
    private const int MaxNote = 1000;
    private const int MaxItems = 20;

    /// <summary>A physician id: letters, digits, '-' and '_'.</summary>
    public static string PhysicianId(string value, string field = "physician_id")
    {
        Text(field, value, 1, MaxId);
        return value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? value : throw Invalid(field, "letters, digits, '-' and '_' only");
    }

    /// <summary>A real-name check, as the grain's record; whom and when are judged by the case at the start.</summary>
    public static Grains.Visits.RealNameCheck Validate(Triage.Api.V1.RealNameCheck? check)
    {
        if (check is null)
        {
            throw Invalid("real_name_check", "required: who verified the physician, how and when");
        }

        if (check.VerifiedAt is null)
        {
            throw Invalid("real_name_check.verified_at", "required");
        }

        var verifiedAt = check.VerifiedAt.Seconds is >= -62135596800L and <= 253402300799L && check.VerifiedAt.Nanos is >= 0 and < 1_000_000_000
            ? check.VerifiedAt.ToDateTimeOffset()
            : throw Invalid("real_name_check.verified_at", "not a valid time");
        var record = new Grains.Visits.RealNameCheck(check.Method, check.Verifier, check.PhysicianId, verifiedAt, check.Reference);
        return record.FormProblem() is { } problem ? throw new RpcException(new Status(StatusCode.InvalidArgument, problem)) : record;
    }

    /// <summary>A registration, as the grain's record.</summary>
    public static PhysicianRecord Validate(RegisterPhysicianRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        PhysicianId(request.PhysicianId);
        Text("licence_number", request.LicenceNumber, 1, MaxId);
        Text("hospital", request.Hospital, 1, 32);
        if (request.LicenceSpecialties.Count == 0)
        {
            throw Invalid("licence_specialties", "at least one of growth, nutrition, dermatology");
        }

        var specialties = request.LicenceSpecialties.Select((s, i) => PilotSpecialty($"licence_specialties[{i}]", s)).ToList();

        if (!PhysicianRecord.Titles.ContainsKey(request.Title))
        {
            throw Invalid("title", "must be resident, attending, associate_chief or chief");
        }

        return new PhysicianRecord
        {
            LicenceNumber = request.LicenceNumber,
            LicenceSpecialties = [.. specialties.Distinct()],
            LicenceValidUntil = Date("licence_valid_until", request.LicenceValidUntil),
            Hospital = request.Hospital.ToUpperInvariant(),
            Title = request.Title,
            IndependentPracticeSince = Date("independent_practice_since", request.IndependentPracticeSince),
            InternetFollowUpSince = Date("internet_follow_up_since", request.InternetFollowUpSince),
            TrainingPassedOn = Date("training_passed_on", request.TrainingPassedOn),
        };
    }

    /// <summary>A queue's hospital and pilot specialty.</summary>
    public static (string Hospital, Domain.Classification.Specialty Specialty) Queue(string hospital, Specialty specialty)
    {
        Text("hospital", hospital, 1, 32);
        return (hospital.ToUpperInvariant(), PilotSpecialty("specialty", specialty));
    }

    /// <summary>A message text.</summary>
    public static string Message(string text)
    {
        Text("text", text, 1, MaxMessage);
        return text;
    }

    /// <summary>A physician's written reason (continuing after an alert, handing back).</summary>
    public static string Reason(string reason)
    {
        Text("reason", reason, 1, MaxNote);
        return reason;
    }

    /// <summary>A termination.</summary>
    public static VisitTerminated Validate(TerminateVisitRequest request, string physicianId)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!VisitTerminated.Reasons.Contains(request.Reason))
        {
            throw Invalid("reason", "must be condition_changed, unsuitable_online or emergency");
        }

        Text("note", request.Note, 0, MaxNote);
        return new VisitTerminated(physicianId, request.Reason, request.Note);
    }

    /// <summary>A completion.</summary>
    public static VisitCompleted Validate(CompleteVisitRequest request, string physicianId)
    {
        ArgumentNullException.ThrowIfNull(request);
        Text("diagnosis", request.Diagnosis, 1, MaxNote);
        return new VisitCompleted(
            physicianId,
            request.Diagnosis,
            ApiVocabulary.FromApi(request.FinalDisposition, "final_disposition"),
            ApiVocabulary.FromApi(request.FinalSpecialty, "final_specialty"));
    }

    /// <summary>A prescription signed by <paramref name="physicianId"/>.</summary>
    public static PrescriptionSigned Validate(PrescribeRequest request, string physicianId)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Items.Count is 0 or > MaxItems)
        {
            throw Invalid("items", $"1 to {MaxItems} drugs");
        }

        var items = ImmutableArray.CreateBuilder<Grains.Visits.PrescriptionItem>();
        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            Text($"items[{i}].drug", item.Drug, 1, 200);
            Text($"items[{i}].dosage", item.Dosage, 0, 500);
            var drugClass = item.DrugClass.Length == 0 ? ControlledDrugs.Ordinary : item.DrugClass;
            Text($"items[{i}].drug_class", drugClass, 1, 32);
            items.Add(new Grains.Visits.PrescriptionItem(item.Drug, drugClass, item.Dosage));
        }

        Text("signature", request.Signature, 1, 4000);
        return new PrescriptionSigned(physicianId, items.ToImmutable(), request.Signature, request.GuardianPresent, request.PhysicianPresent);
    }

    private static Domain.Classification.Specialty PilotSpecialty(string field, Specialty value) =>
        value is Specialty.Growth or Specialty.Nutrition or Specialty.Dermatology ? ApiVocabulary.FromApi(value, field) : throw Invalid(field, "must be growth, nutrition or dermatology");

    private static DateOnly? Date(string field, string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 1900 and <= 2200
            ? d
            : throw Invalid(field, "must be a date YYYY-MM-DD");
    }
}
