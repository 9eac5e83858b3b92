using Triage.Domain.Facts;

namespace Triage.Domain.Decision;

/// <summary>What a booking app tells us about one complaint. Structured fields win over the text.</summary>
public sealed record ComplaintInput
{
    /// <summary>
    /// The one way a complaint becomes the policy's input, for the case grain, the batch command and
    /// the decision-support plugin alike: the complaint and anything added later (answers, the
    /// parent's messages) joined line by line, the structured facts checked by <see cref="InputRules"/>.
    /// </summary>
    public static ComplaintInput Build(
        string complaint,
        IEnumerable<string>? added = null,
        double? ageMonths = null,
        Sex sex = Sex.Unknown,
        bool? guardianPresent = null,
        string? preferredHospital = null,
        PatientSubject subject = PatientSubject.Unknown)
    {
        InputRules.Text("complaint", complaint, 1, InputRules.MaxComplaintLength);
        InputRules.AgeMonths("patient.age_months", ageMonths);
        if (!Enum.IsDefined(sex))
        {
            throw new InvalidInputException("patient.sex", "unknown value");
        }

        var text = new System.Text.StringBuilder(complaint);
        foreach (var more in added ?? [])
        {
            text.Append('\n').Append(more);
        }

        return new ComplaintInput
        {
            Text = text.ToString(),
            AgeMonths = ageMonths,
            Sex = sex,
            GuardianPresent = guardianPresent,
            PreferredHospital = string.IsNullOrEmpty(preferredHospital) ? null : preferredHospital,
            Subject = subject,
        };
    }

    /// <summary>The parent's own words (and any follow-up answers), 1 to 4,000 characters.</summary>
    public required string Text { get; init; }

    /// <summary>Age in months from the request's age or birth-date fields, if given.</summary>
    public double? AgeMonths { get; init; }

    /// <summary>Sex from the request, if given.</summary>
    public Sex Sex { get; init; }

    /// <summary>Whether the booking app confirmed a guardian is present; null when not said.</summary>
    public bool? GuardianPresent { get; init; }

    /// <summary>Who the patient is, when a follow-up answer said so; the text decides otherwise.</summary>
    public PatientSubject Subject { get; init; }

    /// <summary>The hospital code the parent prefers, if any.</summary>
    public string? PreferredHospital { get; init; }
}
