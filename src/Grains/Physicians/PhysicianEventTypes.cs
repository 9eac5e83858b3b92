namespace Triage.Grains.Physicians;

/// <summary>The kinds of event a physician's audit trail holds.</summary>
public static class PhysicianEventTypes
{
    /// <summary>Credentials registered or changed; body <see cref="PhysicianRecord"/>.</summary>
    public const string Registered = "physician_registered";

    /// <summary>Suspended by an administrator; body the reason.</summary>
    public const string Suspended = "physician_suspended";

    /// <summary>Suspension lifted.</summary>
    public const string Reinstated = "physician_reinstated";

    /// <summary>The whitelist standing changed (by a change above, or by itself: a lapse, a waiting period ended); body <see cref="PhysicianStanding"/>.</summary>
    public const string StandingChanged = "whitelist_standing_changed";
}
