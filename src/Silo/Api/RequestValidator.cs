using System.Globalization;
using System.Text;
using Grpc.Core;
using Triage.Api.V1;
using Triage.Grains.Cases;

namespace Triage.Silo.Api;

/// <summary>
/// Checks every field of a request before anything is written, and says which field is wrong.
/// Messages name fields and limits, never echo the caller's values (they may be PHI).
/// </summary>
public static class RequestValidator
{
    /// <summary>Longest complaint accepted.</summary>
    public const int MaxComplaintLength = 4000;

    private const int MaxAnswerLength = 1000;
    private const int MaxAnswers = 20;
    private const int MaxReferenceLength = 128;
    private const int MaxShortText = 32;

    /// <summary>Validates an Assess request; returns the patient details it carries.</summary>
    public static PatientDetails Validate(AssessRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        Text("complaint", request.Complaint, 1, MaxComplaintLength);
        Text("patient_reference", request.PatientReference, 0, MaxReferenceLength);
        Text("preferred_hospital", request.PreferredHospital, 0, MaxShortText);
        return Patient(request.Patient, request.HasGuardianPresent ? request.GuardianPresent : null, request.PreferredHospital, today);
    }

    /// <summary>Validates an AnswerQuestions request; returns the case id and the answers.</summary>
    public static (Guid CaseId, CaseAnswered Answered) Validate(AnswerQuestionsRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caseId = CaseId(request.CaseId);
        if (request.Answers.Count > MaxAnswers)
        {
            throw Invalid("answers", $"at most {MaxAnswers} answers");
        }

        for (var i = 0; i < request.Answers.Count; i++)
        {
            Text($"answers[{i}].question_id", request.Answers[i].QuestionId, 1, MaxShortText);
            Text($"answers[{i}].text", request.Answers[i].Text, 1, MaxAnswerLength);
        }

        Text("added_text", request.AddedText, 0, MaxComplaintLength);
        if (request.Answers.Count == 0 && request.AddedText.Length == 0 && request.Patient is null && !request.HasGuardianPresent)
        {
            throw Invalid("answers", "give at least one answer, added_text, patient or guardian_present");
        }

        PatientDetails? patient = request.Patient is null && !request.HasGuardianPresent
            ? null
            : Patient(request.Patient, request.HasGuardianPresent ? request.GuardianPresent : null, string.Empty, today);
        var answers = request.Answers.Select(a => new QuestionAnswer(a.QuestionId, a.Text)).ToList();
        return (caseId, new CaseAnswered([.. answers], request.AddedText, patient));
    }

    /// <summary>Parses a case id.</summary>
    public static Guid CaseId(string value) =>
        Guid.TryParse(value, out var id) && id != Guid.Empty ? id : throw Invalid("case_id", "must be a UUID");

    private static PatientDetails Patient(Triage.Api.V1.Patient? p, bool? guardian, string hospital, DateOnly today)
    {
        if (p is null)
        {
            return new PatientDetails { GuardianPresent = guardian, PreferredHospital = hospital };
        }

        var given = (p.HasAgeDays ? 1 : 0) + (p.HasAgeMonths ? 1 : 0) + (p.BirthDate.Length > 0 ? 1 : 0);
        if (given > 1)
        {
            throw Invalid("patient", "give only one of age_days, age_months, birth_date");
        }

        if (p.HasAgeDays && p.AgeDays is < 0 or > 6600)
        {
            throw Invalid("patient.age_days", "must be between 0 and 6600");
        }

        if (p.HasAgeMonths && p.AgeMonths is < 0 or > 300)
        {
            throw Invalid("patient.age_months", "must be between 0 and 300");
        }

        DateOnly? birth = null;
        if (p.BirthDate.Length > 0)
        {
            if (!DateOnly.TryParseExact(p.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var b))
            {
                throw Invalid("patient.birth_date", "must be a date YYYY-MM-DD");
            }

            if (b > today || b < today.AddYears(-120))
            {
                throw Invalid("patient.birth_date", "must not be in the future or more than 120 years ago");
            }

            birth = b;
        }

        if (!Enum.IsDefined(p.Sex))
        {
            throw Invalid("patient.sex", "unknown value");
        }

        Text("patient.province", p.Province, 0, MaxShortText);
        return new PatientDetails
        {
            AgeDays = p.HasAgeDays ? p.AgeDays : null,
            AgeMonths = p.HasAgeMonths ? p.AgeMonths : null,
            BirthDate = birth,
            Sex = p.Sex switch { Sex.Female => "female", Sex.Male => "male", _ => string.Empty },
            Province = p.Province,
            GuardianPresent = guardian,
            PreferredHospital = hospital,
        };
    }

    internal static void Text(string field, string value, int min, int max)
    {
        if (value.Length < min || (min > 0 && string.IsNullOrWhiteSpace(value)))
        {
            throw Invalid(field, "is required");
        }

        if (value.Length > max)
        {
            throw Invalid(field, $"must be at most {max} characters");
        }

        // Lone surrogates and control characters are what invalid bytes become after decoding.
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune == Rune.ReplacementChar || (Rune.IsControl(rune) && rune.Value is not ('\n' or '\r' or '\t')))
            {
                throw Invalid(field, "contains invalid or control characters");
            }
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsSurrogate(value[i]) && !(char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[++i])))
            {
                throw Invalid(field, "contains invalid or control characters");
            }
        }
    }

    internal static RpcException Invalid(string field, string problem) =>
        new(new Status(StatusCode.InvalidArgument, $"{field}: {problem}"));
}
