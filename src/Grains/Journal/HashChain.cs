using System.Globalization;

namespace Triage.Grains.Journal;

/// <summary>The tamper-evident chain over a case's events (SHA-256, hex).</summary>
public static class HashChain
{
    /// <summary>The previous hash of a journal's first event.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The one text form of a time that is stored and hashed.</summary>
    public static string FormatTime(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Computes the hash of an event from its fields and the previous hash.</summary>
    public static string Compute(string previousHash, long sequence, string type, DateTimeOffset occurredAt, string actor, string payload) =>
        Sha256Hex.OfLines(previousHash, sequence.ToString(CultureInfo.InvariantCulture), type, FormatTime(occurredAt), actor, payload);

    /// <summary>Builds the next event of a journal.</summary>
    public static JournalEntry Next(JournalEntry? previous, string type, DateTimeOffset occurredAt, string actor, string payload)
    {
        var prev = previous?.Hash ?? Genesis;
        var seq = (previous?.Sequence ?? 0) + 1;
        return new JournalEntry(seq, type, occurredAt, actor, payload, prev, Compute(prev, seq, type, occurredAt, actor, payload));
    }

    /// <summary>True when sequences run 1..n, each links to its predecessor and each hash recomputes.</summary>
    public static bool Verify(IReadOnlyList<JournalEntry> events) => FirstBroken(events) is null;

    /// <summary>The sequence number of the first entry that does not verify (out of place, wrongly chained or altered); null when all do.</summary>
    public static long? FirstBroken(IReadOnlyList<JournalEntry> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var prev = Genesis;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Sequence != i + 1 || e.PreviousHash != prev || e.Hash != Compute(prev, e.Sequence, e.Type, e.OccurredAt, e.Actor, e.Payload))
            {
                return i + 1;
            }

            prev = e.Hash;
        }

        return null;
    }
}
