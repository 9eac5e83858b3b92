namespace Triage.Analytics.Projection;

/// <summary>
/// One row of the analytics projection: what one journal event says that the evaluation counts,
/// and nothing else (no complaint, message, name, diagnosis or app reference). Derived from the
/// event alone, so the projection is append-only and rebuilding it replays the ledger in order.
/// </summary>
public sealed record CaseFact
{
    /// <summary>The event's position in the global ledger: the projection's order and resume point.</summary>
    public required long Position { get; init; }

    /// <summary>The case's journal key; used only to join a case's rows, never returned by a query.</summary>
    public required string CaseKey { get; init; }

    /// <summary>When the event was recorded (UTC).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The event type (<c>case_opened</c>, <c>assessed</c>, <c>visit_booked</c>, ...).</summary>
    public required string Type { get; init; }

    /// <summary>A decision's disposition, or an alert's re-triage disposition.</summary>
    public string? Disposition { get; init; }

    /// <summary>A decision's or a booking's specialty.</summary>
    public string? Specialty { get; init; }

    /// <summary>The classifier version of a decision.</summary>
    public string? ModelVersion { get; init; }

    /// <summary>The policy version of a decision.</summary>
    public string? PolicyVersion { get; init; }

    /// <summary>Affirmed red-flag tags of a decision or an alert.</summary>
    public IReadOnlyList<string>? RedFlags { get; init; }

    /// <summary>The first reason code of a decision, or a termination's reason, or an alert's suggested termination.</summary>
    public string? Reason { get; init; }

    /// <summary>The child's age in months that a decision used.</summary>
    public double? AgeMonths { get; init; }

    /// <summary>The preferred (opening) or booked hospital code.</summary>
    public string? Hospital { get; init; }

    /// <summary><c>beijing</c>, <c>out_of_town</c> or null when the event did not say.</summary>
    public string? Province { get; init; }

    /// <summary>Whether a guardian was confirmed, where the event said.</summary>
    public bool? Guardian { get; init; }

    /// <summary>The physician's journal key (a hash of the id, as their audit trail is keyed).</summary>
    public string? PhysicianKey { get; init; }

    /// <summary>For a prescription: signed, and recorded as the act of the physician who signed it.</summary>
    public bool? SignedByPhysician { get; init; }

    /// <summary>The physician's final disposition (completion).</summary>
    public string? FinalDisposition { get; init; }

    /// <summary>The physician's final specialty (completion).</summary>
    public string? FinalSpecialty { get; init; }
}
