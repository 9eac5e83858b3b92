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
        var folded = new char[text.Length];
        var map = new int[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            map[i] = i;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // A character outside the BMP is kept as it is; both halves map to where it starts.
                folded[i] = text[i];
                folded[i + 1] = text[i + 1];
                map[i + 1] = i;
                i++;
            }
            else
            {
                folded[i] = Fold(text[i]);
            }
        }

        return new NormalizedText(text, new string(folded), map);
    }

    // One character for one: every normalised position maps back to one original position.
    private static char Fold(char c)
    {
        // Full-width ASCII (U+FF01..U+FF5E) is the ASCII block shifted; folding it by hand works
        // the same with or without ICU (the service runs with invariant globalisation).
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }

        return c switch
        {
            '\u3000' or '\r' or '\t' => ' ',
            // Sentences end at line ends: keep them, as one kind.
            '\n' => '\n',
            // Typographic apostrophes and quotes: "can’t" is "can't".
            '\u2019' or '\u2018' or '\u02bc' => '\'',
            _ => char.ToLowerInvariant(c),
        };
    }
}
