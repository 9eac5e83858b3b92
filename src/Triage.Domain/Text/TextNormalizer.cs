using System.Text;

namespace Triage.Domain.Text;

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
        // Full-width ASCII (U+FF01..U+FF5E) is the ASCII block shifted; folding it by hand works
        // the same with or without ICU (the service runs with invariant globalisation).
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }

        return c switch
        {
            '\u3000' or '\r' or '\t' => " ",
            // Sentences end at line ends: keep them, as one kind.
            '\n' => "\n",
            // Typographic apostrophes and quotes: "can’t" is "can't".
            '\u2019' or '\u2018' or '\u02bc' => "'",
            _ => char.ToLowerInvariant(c).ToString(),
        };
    }
}
