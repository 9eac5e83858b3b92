namespace Triage.Grains.Physicians;

/// <summary>
/// One physician, keyed by the hospital's id for them. Keeps the credentials and a hash-chained
/// audit trail of every change; the whitelist standing is computed from them and the date.
/// </summary>
public interface IPhysicianGrain : IGrainWithStringKey
{
    /// <summary>Registers or updates the credentials; <paramref name="actor"/> is the administrator's app id.</summary>
    Task<PhysicianView> RegisterAsync(PhysicianRecord credentials, string actor);

    /// <summary>Takes the physician off the whitelist until reinstated. Fails when not registered.</summary>
    Task<PhysicianView> SuspendAsync(string reason, string actor);

    /// <summary>Lifts a suspension. Fails when not registered.</summary>
    Task<PhysicianView> ReinstateAsync(string actor);

    /// <summary>The physician, or null when never registered.</summary>
    Task<PhysicianView?> GetAsync();

    /// <summary>The standing at this moment (recorded in the audit trail when it changed); null when not registered.</summary>
    Task<PhysicianStanding?> GetStandingAsync();
}
