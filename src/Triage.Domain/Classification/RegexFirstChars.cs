namespace Triage.Domain.Classification;

/// <summary>
/// The characters any match of a simple pattern must start with, read off the pattern: a literal,
/// a non-capturing group of alternatives, a plain character class, each not optional, after an
/// optional <c>\b</c>. A text holding none of them cannot match, so the regex is not run.
/// Anything else (lookarounds, escapes, optional first atoms) gives null: no shortcut, never a wrong one.
/// </summary>
internal static class RegexFirstChars
{
    private const string Special = @"\()[]{}|?*+.^$";

    public static char[]? Of(string pattern)
    {
        var chars = new HashSet<char>();
        return Alternatives(pattern, chars) ? [.. chars.Order()] : null;
    }

    private static bool Alternatives(string pattern, HashSet<char> chars)
    {
        var depth = 0;
        var start = 0;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i++;
            }
            else if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c == '|' && depth == 0)
            {
                if (!FirstAtom(pattern[start..i], chars))
                {
                    return false;
                }

                start = i + 1;
            }
        }

        return FirstAtom(pattern[start..], chars);
    }

    private static bool FirstAtom(string s, HashSet<char> chars)
    {
        while (s.StartsWith(@"\b", StringComparison.Ordinal))
        {
            s = s[2..];
        }

        if (s.Length == 0)
        {
            return false;
        }

        int end;
        if (s.StartsWith("(?:", StringComparison.Ordinal))
        {
            end = Close(s, '(', ')');
            return end > 0 && !Optional(s, end + 1) && Alternatives(s[3..end], chars);
        }

        if (s[0] == '[')
        {
            end = Close(s, '[', ']');
            if (end < 0 || Optional(s, end + 1))
            {
                return false;
            }

            var members = s[1..end];
            if (members.Length == 0 || members[0] == '^' || members.Contains('-', StringComparison.Ordinal) || members.Contains('\\', StringComparison.Ordinal))
            {
                return false;
            }

            chars.UnionWith(members);
            return true;
        }

        if (Special.Contains(s[0], StringComparison.Ordinal) || Optional(s, 1))
        {
            return false;
        }

        chars.Add(s[0]);
        return true;
    }

    private static bool Optional(string s, int at) =>
        at < s.Length && (s[at] is '?' or '*' || (s[at] == '{' && at + 1 < s.Length && s[at + 1] == '0'));

    private static int Close(string s, char open, char close)
    {
        var depth = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
            else if (s[i] == open && (open != '[' || depth == 0))
            {
                depth++;
            }
            else if (s[i] == close && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
