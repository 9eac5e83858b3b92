using System.Collections.Immutable;
using Triage.Grains.Cases;
using Triage.Grains.Journal;

namespace Triage.Grains.Physicians;

/// <summary>A physician as an administrator sees it: credentials, suspension, standing now, and the audit trail.</summary>
[GenerateSerializer, Immutable, Alias("triage.PhysicianView")]
public sealed record PhysicianView
{
    /// <summary>The hospital's id for the physician.</summary>
    [Id(0)] public required string PhysicianId { get; init; }

    /// <summary>Credentials as last registered.</summary>
    [Id(1)] public required PhysicianRecord Credentials { get; init; }

    /// <summary>True while suspended.</summary>
    [Id(2)] public required bool Suspended { get; init; }

    /// <summary>Why, while suspended.</summary>
    [Id(3)] public string SuspensionReason { get; init; } = string.Empty;

    /// <summary>The whitelist standing now.</summary>
    [Id(4)] public required PhysicianStanding Standing { get; init; }

    /// <summary>Every change, hash-chained, oldest first.</summary>
    [Id(5)] public required ImmutableArray<JournalEntry> Events { get; init; }

    /// <summary>True when every hash of <see cref="Events"/> verifies.</summary>
    [Id(6)] public required bool ChainValid { get; init; }
}
