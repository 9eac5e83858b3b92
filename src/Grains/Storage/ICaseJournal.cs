using Triage.Grains.Cases;

namespace Triage.Grains.Storage;

/// <summary>
/// Append-only storage of case events: the audit trail, the case grain's recovery log and the
/// source for analytics. Appends are atomic: all of a batch or none of it.
/// </summary>
public interface ICaseJournal
{
    /// <summary>Every event of the case, in sequence order; empty when the case does not exist.</summary>
    Task<IReadOnlyList<CaseEventRecord>> ReadAsync(Guid caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends <paramref name="events"/>, which must continue the journal exactly after
    /// <paramref name="expectedLastSequence"/>; throws <see cref="JournalConflictException"/> otherwise.
    /// </summary>
    Task AppendAsync(Guid caseId, long expectedLastSequence, IReadOnlyList<CaseEventRecord> events, CancellationToken cancellationToken = default);
}
