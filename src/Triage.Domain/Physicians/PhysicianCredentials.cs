using Triage.Domain.Classification;

namespace Triage.Domain.Physicians;

/// <summary>What a hospital declares about a physician for the whitelist (§1 of the policy).</summary>
public sealed record PhysicianCredentials
{
    /// <summary>Medical licence number (执业证书编号).</summary>
    public required string LicenceNumber { get; init; }

    /// <summary>The specialties the licence covers (执业范围), as pilot specialties.</summary>
    public required IReadOnlyList<Specialty> LicenceSpecialties { get; init; }

    /// <summary>Last day the licence is valid, when it has an end.</summary>
    public DateOnly? LicenceValidUntil { get; init; }

    /// <summary>The pilot hospital's code, e.g. <c>BCH</c>.</summary>
    public required string Hospital { get; init; }

    /// <summary>Professional title.</summary>
    public PhysicianTitle Title { get; init; }

    /// <summary>First day of independent clinical practice.</summary>
    public DateOnly? IndependentPracticeSince { get; init; }

    /// <summary>First day of internet follow-up practice (互联网复诊).</summary>
    public DateOnly? InternetFollowUpSince { get; init; }

    /// <summary>Day the hospital's internet-care training was completed and its assessment passed.</summary>
    public DateOnly? TrainingPassedOn { get; init; }
}
