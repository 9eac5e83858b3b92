using Triage.Domain.Classification;

namespace Triage.Domain.Physicians;

/// <summary>A physician's whitelist standing on one day.</summary>
/// <param name="AsOf">The Beijing date it was computed for.</param>
/// <param name="Specialties">The pilot specialties the physician may take first visits in that day; empty when not whitelisted.</param>
/// <param name="Failures">Every rule not met (for all specialties, or for the ones listed).</param>
/// <param name="ChangesOn">The next day the standing changes by itself (a licence lapses, a waiting period ends, the pilot ends), if any.</param>
public sealed record WhitelistStatus(DateOnly AsOf, IReadOnlyList<Specialty> Specialties, IReadOnlyList<WhitelistFailure> Failures, DateOnly? ChangesOn)
{
    /// <summary>True when the physician may take first visits in at least one specialty.</summary>
    public bool Whitelisted => Specialties.Count > 0;

    /// <summary>True when the physician may take a first visit in <paramref name="specialty"/>.</summary>
    public bool Covers(Specialty specialty) => Specialties.Contains(specialty);
}
