using Triage.Grains.Cases;

namespace Triage.Grains.Storage;

/// <summary>Appending one event to a journal, chained to the last one the writer holds.</summary>
public static class CaseJournalExtensions
{
    /// <summary>
    /// Chains an event after <paramref name="last"/> (null for the first), appends it, and returns
    /// it once stored; throws <see cref="JournalConflictException"/> when another writer came first.
    /// </summary>
    public static async Task<CaseEventRecord> AppendNextAsync(this ICaseJournal journal, Guid key, CaseEventRecord? last, string type, DateTimeOffset occurredAt, string actor, string payload)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var e = CaseHashChain.Next(last, type, occurredAt, actor, payload);
        await journal.AppendAsync(key, last?.Sequence ?? 0, [e]);
        return e;
    }
}
