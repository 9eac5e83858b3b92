using System.Globalization;
using System.Text;

namespace Triage.Models.Text;

/// <summary>
/// Folds full-width forms, case and punctuation variants so that rules and features see one
/// spelling of "３９℃", "39°C" and "39℃". Normalises character by character so that every
/// normalised position maps back to the original text.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Normalises <paramref name="text"/>, keeping the map to the original positions.</summary>
    public static NormalizedText Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var start = i;
            string piece;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                piece = text.Substring(i, 2);
                i++;
            }
            else
            {
                piece = Fold(text[i]);
            }

            foreach (var c in piece)
            {
                builder.Append(c);
                map.Add(start);
            }
        }

        return new NormalizedText(text, builder.ToString(), [.. map]);
    }

    private static string Fold(char c)
    {
        switch (c)
        {
            case '\u3000': return " ";
            case '。': return "。";
            case '°': return "°";
            case '℃': return "℃";
            case '\r':
            case '\n':
            case '\t': return " ";
        }

        if (c < 128)
        {
            return char.ToLowerInvariant(c).ToString();
        }

        var s = c.ToString();
        if (!s.IsNormalized(NormalizationForm.FormKC))
        {
            s = s.Normalize(NormalizationForm.FormKC);
        }

        // NFKC turns "℃" into "°C"; keep one symbol per unit so offsets stay simple.
        return s.ToLower(CultureInfo.InvariantCulture);
    }
}
