using System.Text.RegularExpressions;

namespace Triage.Domain.Classification;

/// <summary>A keyword (or small pattern) and the class it votes for, with a weight.</summary>
/// <param name="Name">Shown in explanations.</param>
/// <param name="Pattern">Matched against the normalised text.</param>
/// <param name="Target">The class voted for, e.g. <c>specialty:growth</c> or <c>disposition:offline</c>.</param>
/// <param name="Weight">Votes add up per class.</param>
public sealed record KeywordCue(string Name, Regex Pattern, string Target, double Weight)
{
    private static readonly System.Buffers.SearchValues<char> RegexSyntax = System.Buffers.SearchValues.Create(@"\()[]{}|?*+.^$");

    /// <summary>The pattern as a plain string when it has no regex syntax: matched with a vectorised ordinal search instead.</summary>
    public string? Literal { get; } = Pattern.ToString().AsSpan().IndexOfAny(RegexSyntax) < 0 ? Pattern.ToString() : null;

    /// <summary>
    /// The characters every match starts with, when the pattern says so (a literal's first
    /// character; see <see cref="RegexFirstChars"/>); null when it could start anywhere.
    /// </summary>
    internal char[]? FirstChars { get; } = Pattern.ToString() is var p && p.AsSpan().IndexOfAny(RegexSyntax) < 0 ? (p.Length > 0 ? [p[0]] : null) : RegexFirstChars.Of(p);

    /// <summary>The start of the first occurrence the writer does not deny in its clause, or -1.</summary>
    public int FirstAffirmed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Literal is { } literal)
        {
            for (var at = text.IndexOf(literal, StringComparison.Ordinal); at >= 0; at = text.IndexOf(literal, at + 1, StringComparison.Ordinal))
            {
                if (!Vocabulary.ClinicalVocabulary.Default.Negation.IsNegated(text, at))
                {
                    return at;
                }
            }

            return -1;
        }

        for (var m = Pattern.Match(text); m.Success; m = m.NextMatch())
        {
            if (!Vocabulary.ClinicalVocabulary.Default.Negation.IsNegated(text, m.Index))
            {
                return m.Index;
            }
        }

        return -1;
    }
}
