namespace Triage.Grains.Journal;

/// <summary>Appending one event to a journal, chained to the last one the writer holds.</summary>
public static class JournalExtensions
{
    /// <summary>
    /// Chains an event after <paramref name="last"/> (null for the first), appends it, and returns
    /// it once stored; throws <see cref="JournalConflictException"/> when another writer came first.
    /// </summary>
    public static async Task<JournalEntry> AppendNextAsync(this IJournal journal, Guid key, JournalEntry? last, string type, DateTimeOffset occurredAt, string actor, string payload)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var e = HashChain.Next(last, type, occurredAt, actor, payload);
        await journal.AppendAsync(key, last?.Sequence ?? 0, [e]);
        return e;
    }
}
