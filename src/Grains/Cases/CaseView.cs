using System.Collections.Immutable;
using Triage.Grains.Journal;

namespace Triage.Grains.Cases;

/// <summary>
/// A case as its owner sees it: current facts, latest decision and the journal. Opening and answering
/// are answered without the journal (the booking app's reply shows the decision alone); getting the
/// case and the visit's calls carry it.
/// </summary>
[GenerateSerializer, Immutable, Alias("triage.CaseView")]
public sealed record CaseView
{
    /// <summary>The case id.</summary>
    [Id(0)] public required Guid CaseId { get; init; }

    /// <summary>The complaint as first written.</summary>
    [Id(1)] public required string Complaint { get; init; }

    /// <summary>Patient details after every update.</summary>
    [Id(2)] public required PatientDetails Patient { get; init; }

    /// <summary>The latest decision.</summary>
    [Id(3)] public required DecisionRecord Decision { get; init; }

    /// <summary>Every event, oldest first; empty in the replies to opening and answering.</summary>
    [Id(4)] public required ImmutableArray<JournalEntry> Events { get; init; }

    /// <summary>True when every hash in <see cref="Events"/> verifies.</summary>
    [Id(5)] public required bool ChainValid { get; init; }

    /// <summary>When the case was opened.</summary>
    [Id(6)] public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The online first visit, once booked.</summary>
    [Id(7)] public Visits.VisitView Visit { get; init; } = new();

    /// <summary>The patient's pseudonym (a keyed hash of the app's own reference); empty when the app gave none.</summary>
    [Id(8)] public string PatientKey { get; init; } = string.Empty;
}
