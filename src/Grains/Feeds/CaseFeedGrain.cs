using Triage.Domain.Decision;

namespace Triage.Grains.Feeds;

/// <summary>
/// Who is watching one caller's cases right now. Watches live in memory only and must be renewed:
/// a connection that died without saying so stops being called once its lease lapses.
/// </summary>
public sealed class CaseFeedGrain(EligibilityPolicy policy) : Grain, ICaseFeedGrain
{
    /// <summary>
    /// How many live connections one caller may hold: a physician's workstation in a couple of tabs
    /// and a phone, or a booking app's few servers; more is a leak or abuse, and each costs the silo a buffer.
    /// </summary>
    public const int MaxWatchers = 4;

    /// <summary>How long a watch lives without renewal; connections renew at a third of it.</summary>
    public static readonly TimeSpan WatchLifetime = TimeSpan.FromMinutes(2);

    private readonly Dictionary<ICaseFeedObserver, DateTimeOffset> _watchers = [];

    /// <summary>The feed of the cases physician <paramref name="physicianId"/> holds.</summary>
    public static string PhysicianKey(string physicianId) => "physician/" + physicianId;

    /// <summary>The feed of booking app <paramref name="appId"/>'s cases.</summary>
    public static string AppKey(string appId) => "app/" + appId;

    /// <inheritdoc />
    public Task<bool> WatchAsync(ICaseFeedObserver watcher)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        RemoveLapsed();
        if (!_watchers.ContainsKey(watcher) && _watchers.Count >= MaxWatchers)
        {
            return Task.FromResult(false);
        }

        _watchers[watcher] = policy.Clock.GetUtcNow() + WatchLifetime;
        // A first notice straight back: only once it arrives does the watch know that this grain's
        // silo can reach it (a new connection's route spreads to the other silos within moments).
        watcher.OnNotice(new CaseNotice(Guid.Empty, 0, string.Empty, policy.Clock.GetUtcNow(), CaseNoticeKind.Ready, Visits.VisitStage.None));
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task UnwatchAsync(ICaseFeedObserver watcher)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        _watchers.Remove(watcher);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task PublishAsync(CaseNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        RemoveLapsed();
        foreach (var watcher in _watchers.Keys)
        {
            // One-way: a dead connection costs nothing here; its lease lapses.
            watcher.OnNotice(notice);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CloseAsync(string reason)
    {
        foreach (var watcher in _watchers.Keys)
        {
            watcher.OnClosed(reason);
        }

        _watchers.Clear();
        return Task.CompletedTask;
    }

    private void RemoveLapsed()
    {
        var now = policy.Clock.GetUtcNow();
        foreach (var (watcher, until) in _watchers.ToList())
        {
            if (until <= now)
            {
                _watchers.Remove(watcher);
            }
        }
    }
}
