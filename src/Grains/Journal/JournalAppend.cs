namespace Triage.Grains.Journal;

/// <summary>Entries to append to one journal, continuing it exactly after <paramref name="ExpectedLastSequence"/>.</summary>
/// <param name="Key">The journal.</param>
/// <param name="ExpectedLastSequence">The journal's last sequence the entries continue from (0 for a new journal).</param>
/// <param name="Events">The entries, chained.</param>
public sealed record JournalAppend(Guid Key, long ExpectedLastSequence, IReadOnlyList<JournalEntry> Events);
