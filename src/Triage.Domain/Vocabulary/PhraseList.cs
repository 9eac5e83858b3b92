namespace Triage.Domain.Vocabulary;

/// <summary>
/// A short list of cue phrases (negation, history, another person...) looked for inside a small
/// window of a text. English phrases match whole words, as in <see cref="TermIndex"/>.
/// </summary>
public sealed class PhraseList
{
    private readonly (string Text, bool Prefix)[] _phrases;

    /// <summary>Creates the list; blank phrases are refused.</summary>
    public PhraseList(IEnumerable<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        _phrases = [.. phrases.Select(TermIndex.Parse)];
        if (_phrases.Any(p => p.Text.Length == 0))
        {
            throw new ArgumentException("a phrase is empty", nameof(phrases));
        }
    }

    /// <summary>An empty list.</summary>
    public static PhraseList Empty { get; } = new([]);

    /// <summary>Number of phrases.</summary>
    public int Count => _phrases.Length;

    /// <summary>The length of the longest phrase matching at <paramref name="at"/> and ending by <paramref name="end"/>; 0 when none.</summary>
    public int MatchAt(ReadOnlySpan<char> text, int at, int end)
    {
        var best = 0;
        foreach (var (phrase, prefix) in _phrases)
        {
            if (phrase.Length > best && at + phrase.Length <= end && text[at..].StartsWith(phrase, StringComparison.Ordinal) && Bounded(text, at, phrase.Length, prefix))
            {
                best = phrase.Length;
            }
        }

        return best;
    }

    /// <summary>True when a phrase lies wholly within [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public bool ContainsIn(ReadOnlySpan<char> text, int from, int to) => FirstIn(text, from, to).Start >= 0;

    /// <summary>The first phrase wholly within [<paramref name="from"/>, <paramref name="to"/>): its start and length, or (-1, 0).</summary>
    public (int Start, int Length) FirstIn(ReadOnlySpan<char> text, int from, int to)
    {
        from = Math.Max(0, from);
        to = Math.Min(text.Length, to);
        for (var at = from; at < to; at++)
        {
            if (MatchAt(text, at, to) is var length and > 0)
            {
                return (at, length);
            }
        }

        return (-1, 0);
    }

    /// <summary>The last phrase wholly within [<paramref name="from"/>, <paramref name="to"/>): its start and length, or (-1, 0).</summary>
    public (int Start, int Length) LastIn(ReadOnlySpan<char> text, int from, int to)
    {
        from = Math.Max(0, from);
        to = Math.Min(text.Length, to);
        for (var at = to - 1; at >= from; at--)
        {
            if (MatchAt(text, at, to) is var length and > 0)
            {
                return (at, length);
            }
        }

        return (-1, 0);
    }

    /// <summary>True when the text ends (at <paramref name="end"/>) with one of the phrases.</summary>
    public bool EndsAt(ReadOnlySpan<char> text, int end)
    {
        foreach (var (phrase, prefix) in _phrases)
        {
            var at = end - phrase.Length;
            if (at >= 0 && text[at..end].SequenceEqual(phrase) && Bounded(text, at, phrase.Length, prefix))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Bounded(ReadOnlySpan<char> text, int at, int length, bool prefix)
    {
        if (TermIndex.IsWordChar(text[at]) && at > 0 && TermIndex.IsWordChar(text[at - 1]))
        {
            return false;
        }

        var end = at + length;
        return prefix || !TermIndex.IsWordChar(text[end - 1]) || end >= text.Length || !TermIndex.IsWordChar(text[end]);
    }
}
