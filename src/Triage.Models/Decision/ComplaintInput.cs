using Triage.Models.Facts;

namespace Triage.Models.Decision;

/// <summary>What a booking app tells us about one complaint. Structured fields win over the text.</summary>
public sealed record ComplaintInput
{
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
