using Triage.Domain.Vocabulary;

namespace Triage.Domain.Text;

/// <summary>
/// Decides whether a finding is denied by the writer: "没有发烧", "不抽搐", "no rash", "denies
/// vomiting". Looks only backwards inside the finding's own clause, so "发烧，没有咳嗽" keeps the
/// fever. Wording that only looks like a negation ("不停", "止不住", "won't stop") is not one, and a
/// break word between cue and finding ends its reach ("没发烧但抽了"). When unsure the finding stands,
/// because a missed red flag is the worst error. The cues are vocabulary data, one set per language.
/// </summary>
public sealed class NegationDetector
{
    /// <summary>How many characters a look-alike may stand before the cue it holds.</summary>
    private const int MaxLookAlikeLead = 3;

    private readonly IReadOnlyList<NegationCues> _languages;

    /// <summary>Creates the detector from each language's cues.</summary>
    public NegationDetector(IReadOnlyList<NegationCues> languages) =>
        _languages = languages ?? throw new ArgumentNullException(nameof(languages));

    /// <summary>True when the finding starting at <paramref name="start"/> is negated within its clause (looking no further back than <paramref name="notBefore"/>).</summary>
    public bool IsNegated(ReadOnlySpan<char> text, int start, int notBefore = 0)
    {
        var clauseStart = Math.Max(notBefore, Clauses.ClauseStart(text, start));
        foreach (var language in _languages)
        {
            var windowStart = Math.Max(clauseStart, start - language.Window);
            for (var at = start - 1; at >= windowStart; at--)
            {
                var length = language.Cues.MatchAt(text, at, start);
                if (length == 0 || IsLookAlike(language.LookAlikes, text, at))
                {
                    continue;
                }

                // The nearest cue decides: denied unless a break word stands between it and the finding.
                if (!language.Breaks.ContainsIn(text, at + length, start))
                {
                    return true;
                }

                break;
            }
        }

        return false;
    }

    // A look-alike masks a cue it starts with ("不停") or holds ("特别" holds 别, "非常" holds 非).
    private static bool IsLookAlike(PhraseList lookAlikes, ReadOnlySpan<char> text, int at)
    {
        for (var from = at; from >= Math.Max(0, at - MaxLookAlikeLead); from--)
        {
            if (lookAlikes.MatchAt(text, from, text.Length) > at - from)
            {
                return true;
            }
        }

        return false;
    }
}
