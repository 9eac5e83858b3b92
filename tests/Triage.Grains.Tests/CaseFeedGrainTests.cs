using Triage.Grains.Feeds;
using Triage.Grains.Visits;

namespace Triage.Grains.Tests;

/// <summary>A caller's feed: bounded watches, leases that lapse unless renewed, notices to the live ones.</summary>
[Collection(ClusterGroup.Name)]
public class CaseFeedGrainTests(ClusterFixture fixture)
{
    private sealed class Watcher : ICaseFeedObserver
    {
        public TaskCompletionSource<CaseNotice> Notice { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<string> Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void OnNotice(CaseNotice notice) => Notice.TrySetResult(notice);

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
        Assert.True(await feed.WatchAsync(Reference(watcher)));
        var notice = new CaseNotice(Guid.NewGuid(), 7, VisitEventTypes.Alert, fixture.Clock.GetUtcNow(), CaseNoticeKind.Alert, VisitStage.InConsultation);

        await feed.PublishAsync(notice);
        await feed.CloseAsync("physician: suspended");

        Assert.Equal(notice, await watcher.Notice.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("physician: suspended", await watcher.Closed.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
