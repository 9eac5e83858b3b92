namespace Triage.Grains.Feeds;

/// <summary>
/// A live connection watching a feed (a physician's or a booking app's stream). Calls are one-way:
/// a slow or vanished watcher never holds up the case that changed.
/// </summary>
public interface ICaseFeedObserver : IGrainObserver
{
    /// <summary>A watched case changed.</summary>
    void OnNotice(CaseNotice notice);

    /// <summary>The feed is closed for this caller (a physician suspended); <paramref name="reason"/> names the rule.</summary>
    void OnClosed(string reason);
}
