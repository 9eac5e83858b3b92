using System.Collections.Immutable;
using Triage.Domain.Classification;
using Triage.Domain.Physicians;

namespace Triage.Grains.Physicians;

/// <summary>A physician's whitelist standing as recorded and sent: specialties, failed rules with reasons.</summary>
[GenerateSerializer, Immutable, Alias("triage.PhysicianStanding")]
public sealed record PhysicianStanding
{
    /// <summary>The Beijing date it holds for.</summary>
    [Id(0)] public required DateOnly AsOf { get; init; }

    /// <summary>Specialties the physician may take first visits in; empty when off the whitelist.</summary>
    [Id(1)] public required ImmutableArray<Specialty> Specialties { get; init; }

    /// <summary>Rules not met, as <c>rule: reason</c>.</summary>
    [Id(2)] public required ImmutableArray<string> Failures { get; init; }

    /// <summary>Next day the standing changes by itself.</summary>
    [Id(3)] public DateOnly? ChangesOn { get; init; }

    /// <summary>The pilot hospital the physician works for.</summary>
    [Id(4)] public required string Hospital { get; init; }

    /// <summary>True when on the whitelist for at least one specialty.</summary>
    public bool Whitelisted => Specialties.Length > 0;

    /// <summary>True when the physician may take first visits at <paramref name="hospital"/> in <paramref name="specialty"/>.</summary>
    public bool Covers(string hospital, Specialty specialty) =>
        string.Equals(Hospital, hospital, StringComparison.OrdinalIgnoreCase) && Specialties.Contains(specialty);

    /// <summary>The recorded form of a computed status for a physician of <paramref name="hospital"/>.</summary>
    public static PhysicianStanding From(WhitelistStatus status, string hospital)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new()
        {
            Hospital = hospital,
            AsOf = status.AsOf,
            Specialties = [.. status.Specialties],
            Failures = [.. status.Failures.Select(f => $"{f.Rule}: {f.Reason}")],
            ChangesOn = status.ChangesOn,
        };
    }

    /// <summary>Same standing, whatever day it was computed on.</summary>
    public bool SameAs(PhysicianStanding other) =>
        other is not null && Hospital == other.Hospital && Specialties.SequenceEqual(other.Specialties) && Failures.SequenceEqual(other.Failures);
}
