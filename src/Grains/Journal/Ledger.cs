using System.Globalization;

namespace Triage.Grains.Journal;

/// <summary>
/// The one global, append-only ledger every journal entry also enters (journal, sequence, entry
/// hash), chained across all journals in the order they were appended. A journal's own chain shows
/// an edit; only the ledger shows a journal's last entries, or a whole journal, deleted.
/// </summary>
public static class Ledger
{
    /// <summary>The previous hash of the ledger's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The hash of a ledger entry from the previous one and the journal entry it records.</summary>
    public static string Compute(string previousHash, Guid journal, long sequence, string entryHash) =>
        Sha256Hex.OfLines(previousHash, journal.ToString("N"), sequence.ToString(CultureInfo.InvariantCulture), entryHash);
}
