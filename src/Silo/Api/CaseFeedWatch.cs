using System.Threading.Channels;
using Grpc.Core;
using Triage.Grains.Feeds;

namespace Triage.Silo.Api;

/// <summary>
/// One live stream of a feed: receives the feed's one-way calls into a bounded buffer and writes
/// them to the caller. A caller that stops reading is cut off rather than allowed to grow the
/// silo's memory; a feed closed by a rule (a suspension) ends the stream with that rule.
/// </summary>
internal sealed class CaseFeedWatch : ICaseFeedObserver
{
    // A physician holds a handful of visits; a few hundred notices unread means the caller is gone or stuck.
    private const int Buffered = 256;

    // How many times a new watch is asked, a second apart, to reach its connection before giving up.
    private const int ReachAttempts = 10;

    private readonly Channel<Grains.Feeds.CaseNotice> _notices = Channel.CreateBounded<Grains.Feeds.CaseNotice>(
        new BoundedChannelOptions(Buffered) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <inheritdoc />
    public void OnNotice(Grains.Feeds.CaseNotice notice)
    {
        if (!_notices.Writer.TryWrite(notice))
        {
            _notices.Writer.TryComplete(new RpcException(new Status(StatusCode.ResourceExhausted, "stream: the caller reads too slowly; reconnect and re-read its cases")));
        }
    }

    /// <inheritdoc />
    public void OnClosed(string reason) =>
        _notices.Writer.TryComplete(new RpcException(new Status(StatusCode.PermissionDenied, reason)));

    /// <summary>
    /// Watches <paramref name="feedKey"/> until the caller leaves, the feed is closed or the caller
    /// falls behind: writes "ready" once the watch is live, then every notice, renewing the watch
    /// before its lease lapses.
    /// </summary>
    public static async Task RunAsync(IGrainFactory grains, string feedKey, IServerStreamWriter<Triage.Api.V1.CaseNotice> stream, CancellationToken cancellation)
    {
        var watch = new CaseFeedWatch();
        var reference = grains.CreateObjectReference<ICaseFeedObserver>(watch);
        var feed = grains.GetGrain<ICaseFeedGrain>(feedKey);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        try
        {
            await WatchUntilReachedAsync(feed, reference, watch, cancellation);
            var renewing = RenewAsync(feed, reference, watch, stop.Token);
            await stream.WriteAsync(new Triage.Api.V1.CaseNotice { Kind = Triage.Api.V1.CaseNoticeKind.Ready }, cancellation);
            await foreach (var notice in watch._notices.Reader.ReadAllAsync(cancellation))
            {
                // Renewals echo "ready" too; the caller was told once.
                if (notice.Kind != CaseNoticeKind.Ready)
                {
                    await stream.WriteAsync(CaseMapper.ToNotice(notice), cancellation);
                }
            }

            await stop.CancelAsync();
            await renewing;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The caller left: nothing to tell anyone.
        }
        finally
        {
            await stop.CancelAsync();
            await UnwatchQuietlyAsync(feed, reference);
            grains.DeleteObjectReference<ICaseFeedObserver>(reference);
        }
    }

    // "ready" is told only once the feed's own first notice has arrived, so that no change recorded
    // after it can be lost on the way; asked again each second for a bounded while.
    private static async Task WatchUntilReachedAsync(ICaseFeedGrain feed, ICaseFeedObserver reference, CaseFeedWatch watch, CancellationToken cancellation)
    {
        for (var attempt = 0; attempt < ReachAttempts; attempt++)
        {
            if (!await feed.WatchAsync(reference))
            {
                throw TooManyStreams();
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            wait.CancelAfter(TimeSpan.FromSeconds(1));
            try
            {
                while (await watch._notices.Reader.WaitToReadAsync(wait.Token))
                {
                    if (watch._notices.Reader.TryRead(out var first) && first.Kind == CaseNoticeKind.Ready)
                    {
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                // Not yet reached: ask again.
            }
        }

        throw new RpcException(new Status(StatusCode.Unavailable, "stream: the service could not reach this connection; retry"));
    }

    private static async Task RenewAsync(ICaseFeedGrain feed, ICaseFeedObserver reference, CaseFeedWatch watch, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(CaseFeedGrain.WatchLifetime / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (!await feed.WatchAsync(reference))
                {
                    watch._notices.Writer.TryComplete(TooManyStreams());
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The stream ended.
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            // The feed could not be reached to renew: end the stream; the caller reconnects and re-reads.
            watch._notices.Writer.TryComplete(new RpcException(new Status(StatusCode.Unavailable, "stream: interrupted; reconnect and re-read the cases")));
        }
    }

    private static RpcException TooManyStreams() =>
        new(new Status(StatusCode.ResourceExhausted, $"stream: at most {CaseFeedGrain.MaxWatchers} streams per caller"));

    private static async Task UnwatchQuietlyAsync(ICaseFeedGrain feed, ICaseFeedObserver reference)
    {
        try
        {
            await feed.UnwatchAsync(reference);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            // The watch lapses by itself once not renewed.
        }
    }
}
