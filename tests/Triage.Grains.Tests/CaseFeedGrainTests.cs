using Triage.Grains.Feeds;
using Triage.Grains.Visits;

namespace Triage.Grains.Tests;

/// <summary>A caller's feed: bounded watches, leases that lapse unless renewed, notices to the live ones.</summary>
[Collection(ClusterGroup.Name)]
public class CaseFeedGrainTests(ClusterFixture fixture)
{
    private sealed class Watcher : ICaseFeedObserver
    {
        public TaskCompletionSource<CaseNotice> Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<CaseNotice> Notice { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<string> Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void OnNotice(CaseNotice notice) => (notice.Kind == CaseNoticeKind.Ready ? Ready : Notice).TrySetResult(notice);

        public void OnClosed(string reason) => Closed.TrySetResult(reason);
    }

    private ICaseFeedGrain Feed() => fixture.Cluster.GrainFactory.GetGrain<ICaseFeedGrain>(CaseFeedGrain.PhysicianKey("doc-" + Guid.NewGuid().ToString("N")));

    private ICaseFeedObserver Reference(Watcher watcher) => fixture.Cluster.Client.CreateObjectReference<ICaseFeedObserver>(watcher);

    [Fact]
    public async Task Watch_BeyondTheLimit_IsRefused_UntilAnUnrenewedWatchLapses()
    {
        var feed = Feed();
        var watchers = Enumerable.Range(0, CaseFeedGrain.MaxWatchers + 1).Select(_ => new Watcher()).ToList();
        var references = watchers.Select(Reference).ToList();
        for (var i = 0; i < CaseFeedGrain.MaxWatchers; i++)
        {
            Assert.True(await feed.WatchAsync(references[i]));
        }

        Assert.False(await feed.WatchAsync(references[^1]));
        // Renewing a watch held is not a new one.
        Assert.True(await feed.WatchAsync(references[0]));

        fixture.Clock.Advance(CaseFeedGrain.WatchLifetime + TimeSpan.FromSeconds(1));

        Assert.True(await feed.WatchAsync(references[^1]));
    }

    [Fact]
    public async Task Publish_ReachesALiveWatch_AndClose_TellsItTheRule()
    {
        var feed = Feed();
        var watcher = new Watcher();
        var reference = Reference(watcher);
        // As a connection does: watch until the feed's own "ready" arrives (a new client's route may
        // take a moment to reach the feed's silo), and only then count on notices.
        for (var attempt = 0; !watcher.Ready.Task.IsCompleted; attempt++)
        {
            Assert.True(attempt < 30, "the feed's ready notice never arrived");
            Assert.True(await feed.WatchAsync(reference));
            await Task.WhenAny(watcher.Ready.Task, Task.Delay(TimeSpan.FromSeconds(1)));
        }

        var notice = new CaseNotice(Guid.NewGuid(), 7, VisitEventTypes.Alert, fixture.Clock.GetUtcNow(), CaseNoticeKind.Alert, VisitStage.InConsultation);

        await feed.PublishAsync(notice);
        Assert.Equal(notice, await watcher.Notice.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        // One-way calls are not ordered among themselves: closing is sent once the notice is in.
        await feed.CloseAsync("physician: suspended");
        Assert.Equal("physician: suspended", await watcher.Closed.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
