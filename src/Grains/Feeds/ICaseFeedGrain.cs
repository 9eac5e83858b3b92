using Orleans.Concurrency;

namespace Triage.Grains.Feeds;

/// <summary>
/// The changes of one caller's cases, pushed to their live connections: keyed by
/// <see cref="CaseFeedGrain.PhysicianKey"/> (the alerts and messages of the cases a physician
/// holds) or <see cref="CaseFeedGrain.AppKey"/> (the status changes of a booking app's cases).
/// Nothing is stored: the case journal is the record, a feed only tells who is listening now.
/// </summary>
public interface ICaseFeedGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts or renews a watch; a watch not renewed within <see cref="CaseFeedGrain.WatchLifetime"/>
    /// lapses. False when the caller already has <see cref="CaseFeedGrain.MaxWatchers"/> other watches.
    /// Each accepted call sends the watcher a <see cref="CaseNoticeKind.Ready"/> notice: its arrival
    /// shows that notices from this feed reach the watcher.
    /// </summary>
    Task<bool> WatchAsync(ICaseFeedObserver watcher);

    /// <summary>Ends a watch.</summary>
    Task UnwatchAsync(ICaseFeedObserver watcher);

    /// <summary>Tells every live watch of a change.</summary>
    [OneWay]
    Task PublishAsync(CaseNotice notice);

    /// <summary>Closes every watch with the rule that closed it, and refuses none later (the caller's rights are checked on each watch).</summary>
    [OneWay]
    Task CloseAsync(string reason);
}
