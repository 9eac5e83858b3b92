using System.Text.RegularExpressions;

namespace Triage.Models.Text;

/// <summary>
/// Decides whether a finding is denied by the writer: "没有发烧", "不抽搐", "no rash", "denies
/// vomiting". Looks only backwards inside the finding's own clause, so "发烧，没有咳嗽" keeps the
/// fever. Wording that only looks like a negation ("不停", "止不住", "会不会") is not one:
/// when unsure the finding stands, because a missed red flag is the worst error.
/// </summary>
public static partial class NegationDetector
{
    private const int ChineseWindow = 6;
    private const int EnglishWindow = 32;

    /// <summary>True when the finding starting at <paramref name="start"/> is negated within its clause.</summary>
    public static bool IsNegated(string text, int start)
    {
        var clauseStart = ClauseStart(text, start);
        var windowStart = Math.Max(clauseStart, start - EnglishWindow);
        var before = text[windowStart..start];

        var english = EnglishCue().Matches(before);
        if (english.Count > 0)
        {
            var last = english[^1];
            var between = before[(last.Index + last.Length)..];
            // "no fever but vomiting": a conjunction ends the negation's reach.
            if (!EnglishBreak().IsMatch(between))
            {
                return true;
            }
        }

        var zhStart = Math.Max(clauseStart, start - ChineseWindow);
        var zh = text[zhStart..start];
        var cue = ChineseCue().Matches(zh);
        if (cue.Count == 0)
        {
            return false;
        }

        var lastCue = cue[^1];
        var tail = zh[(lastCue.Index + lastCue.Length)..];
        return !ChineseBreak().IsMatch(tail);
    }

    /// <summary>The index where the clause containing <paramref name="position"/> begins.</summary>
    public static int ClauseStart(string text, int position)
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
    public static int ClauseEnd(string text, int position)
    {
        for (var i = position; i < text.Length; i++)
        {
            if (IsClauseBoundary(text[i]))
            {
                return i;
            }
        }

        return text.Length;
    }

    private static bool IsClauseBoundary(char c) =>
        c is ',' or '，' or '。' or '.' or ';' or '；' or '!' or '！' or '?' or '？' or '、' or '\n' or '(' or ')' or '：' or ':';

    // Negation cues, minus the look-alikes that carry no negation ("不停", "不断", "止不住", "会不会", "不能"
    // as in "不能呼吸" which affirms the symptom).
    [GeneratedRegex(@"(?:没有|没|无|未见|未|否认|并无|不是|不(?![停断止住了能会好行适舒])|别)", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseCue();

    [GeneratedRegex(@"(?:但|可是|却|而且|并且|又|还|伴|后来|然后|现在|出现|发现|有时|偶尔|经常|总是|一直)", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseBreak();

    [GeneratedRegex(@"\b(?:no|not|without|denies|denied|never|none|negative for)\b", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishCue();

    [GeneratedRegex(@"\b(?:but|and now|however|though|although|then|except)\b", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishBreak();
}
