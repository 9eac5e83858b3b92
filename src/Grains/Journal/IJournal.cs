namespace Triage.Grains.Journal;

/// <summary>
/// Append-only, hash-chained storage of events, one journal per key: a case's (its audit trail, the
/// case grain's recovery log, the source for analytics) or a physician's (the audit of their
/// standing). Appends are atomic: all of a batch or none of it.
/// </summary>
public interface IJournal
{
    /// <summary>Every entry of the journal <paramref name="key"/>, in sequence order; empty when it does not exist.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadAsync(Guid key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends <paramref name="events"/> to the journal <paramref name="key"/>; they must continue it
    /// exactly after <paramref name="expectedLastSequence"/>; throws <see cref="JournalConflictException"/> otherwise.
    /// </summary>
    Task AppendAsync(Guid key, long expectedLastSequence, IReadOnlyList<JournalEntry> events, CancellationToken cancellationToken = default);
}
