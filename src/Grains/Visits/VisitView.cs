using System.Collections.Immutable;

namespace Triage.Grains.Visits;

/// <summary>The online first visit of a case, as its journal says.</summary>
[GenerateSerializer, Immutable, Alias("triage.VisitView")]
public sealed record VisitView
{
    /// <summary>Where it stands.</summary>
    [Id(0)] public VisitStage Stage { get; init; }

    /// <summary>The booking; null before.</summary>
    [Id(1)] public VisitBooked? Booking { get; init; }

    /// <summary>The physician who took it; empty before.</summary>
    [Id(2)] public string PhysicianId { get; init; } = string.Empty;

    /// <summary>Red-flag alerts raised during the consultation.</summary>
    [Id(3)] public ImmutableArray<VisitAlert> Alerts { get; init; } = [];

    /// <summary>Messages, oldest first.</summary>
    [Id(4)] public ImmutableArray<VisitMessage> Messages { get; init; } = [];

    /// <summary>The completion; null unless completed.</summary>
    [Id(5)] public VisitCompleted? Completion { get; init; }

    /// <summary>The termination; null unless terminated.</summary>
    [Id(6)] public VisitTerminated? Termination { get; init; }

    /// <summary>Prescriptions signed by the physician.</summary>
    [Id(7)] public ImmutableArray<PrescriptionSigned> Prescriptions { get; init; } = [];

    /// <summary>How many alerts, counted from the first, a physician's decision to continue covers.</summary>
    [Id(8)] public int AlertsAcknowledged { get; init; }

    /// <summary>
    /// True while an emergency or offline alert awaits the physician's decision: nothing may be
    /// prescribed or completed until the physician terminates, or continues with a written reason.
    /// </summary>
    public bool AlertAwaitsDecision =>
        Alerts.Skip(AlertsAcknowledged).Any(a => a.Disposition is Domain.Classification.Disposition.Emergency or Domain.Classification.Disposition.Offline);
}
