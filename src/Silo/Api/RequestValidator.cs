using System.Globalization;
using Grpc.Core;
using Triage.Api.V1;
using Triage.Domain.Decision;
using Triage.Grains.Cases;

namespace Triage.Silo.Api;

/// <summary>
/// Checks every field of a request before anything is written, and says which field is wrong.
/// Messages name fields and limits, never echo the caller's values (they may be PHI).
/// </summary>
public static class RequestValidator
{
    /// <summary>Longest complaint accepted.</summary>
    public const int MaxComplaintLength = InputRules.MaxComplaintLength;

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

        Rule(() => InputRules.AgeDays("patient.age_days", p.HasAgeDays ? p.AgeDays : null));
        Rule(() => InputRules.AgeMonths("patient.age_months", p.HasAgeMonths ? p.AgeMonths : null));

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

        Text("patient.province", p.Province, 0, MaxShortText);
        return new PatientDetails
        {
            AgeDays = p.HasAgeDays ? p.AgeDays : null,
            AgeMonths = p.HasAgeMonths ? p.AgeMonths : null,
            BirthDate = birth,
            Sex = ApiVocabulary.FromApi(p.Sex, "patient.sex"),
            Province = p.Province,
            GuardianPresent = guardian,
            PreferredHospital = hospital,
        };
    }

    internal static void Text(string field, string value, int min, int max) => Rule(() => InputRules.Text(field, value, min, max));

    /// <summary>Runs one of the domain's input rules, as this API's error.</summary>
    internal static void Rule(Action rule)
    {
        try
        {
            rule();
        }
        catch (InvalidInputException e)
        {
            throw Invalid(e.Field, e.Problem);
        }
    }

    internal static RpcException Invalid(string field, string problem) =>
        new(new Status(StatusCode.InvalidArgument, $"{field}: {problem}"));
}
