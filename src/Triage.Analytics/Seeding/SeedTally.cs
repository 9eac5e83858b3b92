namespace Triage.Analytics.Seeding;

/// <summary>What a seeding wrote, counted as it was generated: the figures a report over it must show.</summary>
public sealed record SeedTally
{
    /// <summary>Cases opened.</summary>
    public long Cases { get; set; }

    /// <summary>Events written to case and physician journals.</summary>
    public long Events { get; set; }

    /// <summary>Cases by the disposition decided before any visit.</summary>
    public Dictionary<string, long> Dispositions { get; } = new(StringComparer.Ordinal);

    /// <summary>Visits booked.</summary>
    public long Booked { get; set; }

    /// <summary>Consultations started.</summary>
    public long Started { get; set; }

    /// <summary>Visits completed.</summary>
    public long Completed { get; set; }

    /// <summary>Visits terminated, by reason.</summary>
    public Dictionary<string, long> Terminated { get; } = new(StringComparer.Ordinal);

    /// <summary>In-visit alerts.</summary>
    public long Alerts { get; set; }

    /// <summary>Visits booked without a confirmed guardian (must be zero in real operation).</summary>
    public long WithoutGuardian { get; set; }

    /// <summary>Consultations started by a physician not whitelisted for them.</summary>
    public long NotWhitelisted { get; set; }

    /// <summary>Prescriptions.</summary>
    public long Prescriptions { get; set; }

    /// <summary>Prescriptions without the physician's signature.</summary>
    public long UnsignedPrescriptions { get; set; }

    /// <summary>Prescriptions after an emergency alert that the physician had not decided on (must be zero in real operation).</summary>
    public long AfterUnacknowledgedAlert { get; set; }

    /// <summary>Decisions to continue online after an alert.</summary>
    public long Continued { get; set; }

    /// <summary>Visits handed back to the queue.</summary>
    public long HandedBack { get; set; }

    /// <summary>Completed visits whose physician's specialty equals the service's.</summary>
    public long SpecialtyAgreed { get; set; }

    /// <summary>Cases per month (Beijing), <c>2026-03</c>.</summary>
    public SortedDictionary<string, long> ByMonth { get; } = new(StringComparer.Ordinal);
}
