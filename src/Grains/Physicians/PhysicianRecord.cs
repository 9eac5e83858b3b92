using System.Collections.Immutable;
using Triage.Domain.Classification;
using Triage.Domain.Physicians;

namespace Triage.Grains.Physicians;

/// <summary>A physician's declared credentials as registered by a hospital administrator; journal and wire form.</summary>
[GenerateSerializer, Immutable, Alias("triage.PhysicianRecord")]
public sealed record PhysicianRecord
{
    /// <summary>Medical licence number.</summary>
    [Id(0)] public required string LicenceNumber { get; init; }

    /// <summary>Pilot specialties the licence covers.</summary>
    [Id(1)] public required ImmutableArray<Specialty> LicenceSpecialties { get; init; }

    /// <summary>Last valid day of the licence, if it has one.</summary>
    [Id(2)] public DateOnly? LicenceValidUntil { get; init; }

    /// <summary>Pilot hospital code.</summary>
    [Id(3)] public required string Hospital { get; init; }

    /// <summary>Title: <c>resident</c>, <c>attending</c>, <c>associate_chief</c>, <c>chief</c>.</summary>
    [Id(4)] public required string Title { get; init; }

    /// <summary>First day of independent practice.</summary>
    [Id(5)] public DateOnly? IndependentPracticeSince { get; init; }

    /// <summary>First day of internet follow-up practice.</summary>
    [Id(6)] public DateOnly? InternetFollowUpSince { get; init; }

    /// <summary>Day the hospital's training assessment was passed.</summary>
    [Id(7)] public DateOnly? TrainingPassedOn { get; init; }

    /// <summary>The title names the journal stores.</summary>
    public static readonly ImmutableDictionary<string, PhysicianTitle> Titles = new Dictionary<string, PhysicianTitle>
    {
        ["resident"] = PhysicianTitle.Resident,
        ["attending"] = PhysicianTitle.Attending,
        ["associate_chief"] = PhysicianTitle.AssociateChief,
        ["chief"] = PhysicianTitle.Chief,
    }.ToImmutableDictionary();

    /// <summary>The credentials the whitelist rules read.</summary>
    public PhysicianCredentials ToCredentials() => new()
    {
        LicenceNumber = LicenceNumber,
        LicenceSpecialties = LicenceSpecialties,
        LicenceValidUntil = LicenceValidUntil,
        Hospital = Hospital,
        Title = Titles.GetValueOrDefault(Title, PhysicianTitle.Unknown),
        IndependentPracticeSince = IndependentPracticeSince,
        InternetFollowUpSince = InternetFollowUpSince,
        TrainingPassedOn = TrainingPassedOn,
    };
}
