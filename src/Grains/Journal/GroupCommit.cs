using System.Threading.Channels;

namespace Triage.Grains.Journal;

/// <summary>
/// Group commit for a journal store: appends that arrive while a transaction is being written wait
/// and go together into the next one (one fsync for all of them); each caller is answered only once
/// that transaction is committed, and a conflicting append fails alone.
/// </summary>
public sealed class GroupCommit : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<JournalAppend>, Task<bool[]>> _commit;
    private readonly int _maxBatch;
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> _committer;
    private long _transactions;
    private long _appends;

    /// <summary>
    /// A queue over <paramref name="commit"/>, which writes a batch in one transaction and returns, for
    /// each append, whether it was stored (false: it did not continue its journal, and nothing of it was written);
    /// it throws when the transaction did not commit.
    /// </summary>
    public GroupCommit(Func<IReadOnlyList<JournalAppend>, Task<bool[]>> commit, int maxBatch)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _commit = commit;
        _maxBatch = maxBatch;
        _committer = new Lazy<Task>(() => Task.Run(CommitAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Transactions committed, and the appends they carried (their ratio is the batch size).</summary>
    public (long Transactions, long Appends) Committed => (Interlocked.Read(ref _transactions), Interlocked.Read(ref _appends));

    /// <summary>Queues <paramref name="append"/>; completes when it is durable, or fails with <see cref="JournalConflictException"/>.</summary>
    public Task AppendAsync(JournalAppend append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        var pending = new Pending(append);
        ObjectDisposedException.ThrowIf(!_pending.Writer.TryWrite(pending), this);
        _ = _committer.Value;
        // Once queued the append is written whatever the caller does: cancelling only stops the waiting.
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        if (_committer.IsValueCreated)
        {
            await _committer.Value.ConfigureAwait(false);
        }
    }

    private async Task CommitAsync()
    {
        var batch = new List<Pending>(_maxBatch);
        var appends = new List<JournalAppend>(_maxBatch);
        var reader = _pending.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            // Two turns of the thread pool before taking the batch: appends whose grains are already
            // running join this transaction instead of the next. Under load this doubles the batch
            // (7 -> 14 appends at 32 callers here): half the fsyncs a case, a fifth fewer bytes written.
            await Task.Yield();
            await Task.Yield();
            while (batch.Count < _maxBatch && reader.TryRead(out var next))
            {
                batch.Add(next);
                appends.Add(next.Append);
            }

            try
            {
                var stored = await _commit(appends).ConfigureAwait(false);
                Interlocked.Increment(ref _transactions);
                Interlocked.Add(ref _appends, batch.Count);
                Telemetry.TriageMetrics.BatchCommitted(batch.Count);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (stored[i])
                    {
                        batch[i].Done.TrySetResult();
                    }
                    else
                    {
                        batch[i].Done.TrySetException(new JournalConflictException());
                    }
                }
            }
            catch (Exception e)
            {
                // The transaction did not commit: nothing of the batch is stored, and every caller is told.
                foreach (var p in batch)
                {
                    p.Done.TrySetException(e);
                }
            }

            batch.Clear();
            appends.Clear();
        }
    }

    private sealed class Pending(JournalAppend append)
    {
        public JournalAppend Append { get; } = append;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
