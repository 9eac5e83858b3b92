using System.Text;
using Triage.Domain.Text;

namespace Triage.Domain.Vocabulary;

/// <summary>
/// Rewrites what parents type for the key words ("发骚" for 发烧, "按了不退色") into the words meant,
/// keeping the map to the original text so that evidence still cites what the parent wrote.
/// </summary>
public sealed class SpellingCorrector
{
    private readonly TermIndex _index;
    private readonly (string Means, PhraseList NotAfter, PhraseList NotBefore)[] _entries;

    /// <summary>Compiles the corrections: (what is written, what is meant, words before and after that make it another word).</summary>
    public SpellingCorrector(IReadOnlyList<(string Write, string Means, IReadOnlyList<string> NotAfter, IReadOnlyList<string> NotBefore)> corrections)
    {
        ArgumentNullException.ThrowIfNull(corrections);
        _index = new TermIndex([.. corrections.Select(c => c.Write)]);
        _entries = [.. corrections.Select(c => (c.Means, new PhraseList(c.NotAfter), new PhraseList(c.NotBefore)))];
    }

    /// <summary>Number of corrections.</summary>
    public int Count => _entries.Length;

    /// <summary>The text with every correction applied (leftmost, longest first); the same instance when nothing changed.</summary>
    public NormalizedText Correct(NormalizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_entries.Length == 0)
        {
            return text;
        }

        var value = text.Value;
        List<(int Id, int Start, int Length)>? hits = null;
        _index.FindAll(value, (id, start, length) =>
        {
            var (_, notAfter, notBefore) = _entries[id];
            if (!notAfter.EndsAt(value, start) && notBefore.MatchAt(value, start + length, value.Length) == 0)
            {
                (hits ??= []).Add((id, start, length));
            }
        });
        if (hits is null)
        {
            return text;
        }

        hits.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var builder = new StringBuilder(value.Length);
        var map = new List<int>(value.Length);
        var at = 0;
        foreach (var (id, start, length) in hits)
        {
            if (start < at)
            {
                continue;
            }

            for (; at < start; at++)
            {
                builder.Append(value[at]);
                map.Add(text.OriginalIndex(at));
            }

            // Each character of the word meant cites the character written at the same place (or the last one).
            var means = _entries[id].Means;
            for (var k = 0; k < means.Length; k++)
            {
                builder.Append(means[k]);
                map.Add(text.OriginalIndex(start + Math.Min(k, length - 1)));
            }

            at = start + length;
        }

        for (; at < value.Length; at++)
        {
            builder.Append(value[at]);
            map.Add(text.OriginalIndex(at));
        }

        return new NormalizedText(text.Original, builder.ToString(), [.. map]);
    }
}
