using System.Globalization;

namespace Triage.Domain.Text;

/// <summary>Reads the small numbers parents write in ages and durations: "3", "3.5", "十二", "两", "二十三", "半", "ten".</summary>
public static class ChineseNumber
{
    /// <summary>
    /// The regex fragment that matches a number this parser understands. Digits are ASCII: text is
    /// folded first (full-width digits become ASCII), the parser reads no other script's digits,
    /// and <c>\d</c> (any script's) kept every regex starting with a number off the vectorised search.
    /// </summary>
    public const string Pattern = @"(?:[0-9]+(?:\.[0-9]+)?|[零一二两三四五六七八九十]+|半)";

    /// <summary>Parses <paramref name="text"/>; false when it is not a number.</summary>
    public static bool TryParse(string text, out double value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (text == "半")
        {
            value = 0.5;
            return true;
        }

        if (text is "a" or "an")
        {
            value = 1;
            return true;
        }

        var english = Array.IndexOf(EnglishWords, text);
        if (english > 0)
        {
            value = english;
            return true;
        }

        var total = 0;
        var current = -1;
        foreach (var c in text)
        {
            var digit = Digit(c);
            if (digit >= 0)
            {
                current = digit;
            }
            else if (c == '十')
            {
                total += (current < 0 ? 1 : current) * 10;
                current = -1;
            }
            else
            {
                return false;
            }
        }

        value = total + Math.Max(current, 0);
        return true;
    }

    private static readonly string[] EnglishWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    private static int Digit(char c) => c switch
    {
        '零' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };
}
