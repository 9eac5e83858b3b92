namespace Triage.Domain.Text;

/// <summary>
/// Where clauses and sentences of a complaint begin and end. A clause ends at any comma-like mark,
/// a sentence only at a full stop, question or exclamation mark, semicolon or line end. Parents
/// write whole stories in one comma-joined sentence, so a sentence is the reach of "去年", a
/// clause the reach of "没有".
/// </summary>
public static class Clauses
{
    /// <summary>The index where the clause containing <paramref name="position"/> begins.</summary>
    public static int ClauseStart(ReadOnlySpan<char> text, int position)
    {
        for (var i = Math.Min(position, text.Length) - 1; i >= 0; i--)
        {
            if (IsClauseBoundary(text[i]))
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>The index just past the clause containing <paramref name="position"/>.</summary>
    public static int ClauseEnd(ReadOnlySpan<char> text, int position)
    {
        for (var i = Math.Max(0, position); i < text.Length; i++)
        {
            if (IsClauseBoundary(text[i]))
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>The index where the sentence containing <paramref name="position"/> begins.</summary>
    public static int SentenceStart(ReadOnlySpan<char> text, int position)
    {
        for (var i = Math.Min(position, text.Length) - 1; i >= 0; i--)
        {
            if (IsSentenceBoundary(text, i))
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>The index just past the sentence containing <paramref name="position"/>.</summary>
    public static int SentenceEnd(ReadOnlySpan<char> text, int position)
    {
        for (var i = Math.Max(0, position); i < text.Length; i++)
        {
            if (IsSentenceBoundary(text, i))
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>True when <paramref name="text"/> between the two positions crosses the end of a sentence.</summary>
    public static bool CrossesSentence(ReadOnlySpan<char> text, int from, int to)
    {
        for (var i = Math.Max(0, from); i < Math.Min(to, text.Length); i++)
        {
            if (IsSentenceBoundary(text, i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsClauseBoundary(char c) =>
        c is ',' or '，' or '。' or '.' or ';' or '；' or '!' or '！' or '?' or '？' or '、' or '\n' or '(' or ')' or '：' or ':';

    // A full stop between digits is a decimal point ("38.5"), not the end of a sentence.
    private static bool IsSentenceBoundary(ReadOnlySpan<char> text, int i) => text[i] switch
    {
        '。' or ';' or '；' or '!' or '！' or '?' or '？' or '\n' => true,
        '.' => !(i > 0 && char.IsAsciiDigit(text[i - 1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])),
        _ => false,
    };
}
