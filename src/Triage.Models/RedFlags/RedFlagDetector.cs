using System.Text.RegularExpressions;
using Triage.Models.Facts;
using Triage.Models.Growth;
using Triage.Models.Text;

namespace Triage.Models.RedFlags;

/// <summary>
/// Finds the policy's red flags in a complaint, each with the span that triggered it, and
/// reports the ones the writer explicitly denied ("不抽搐") separately so a physician sees both.
/// </summary>
public static class RedFlagDetector
{
    /// <summary>
    /// Affirmed flags (at most one finding per tag), then denied ones for tags not affirmed.
    /// With <paramref name="growth"/>, the flags the measurements raise (<see cref="MeasuredRedFlags"/>)
    /// join them: a number outweighs a denial ("不瘦" with a weight far below the curve).
    /// </summary>
    public static IReadOnlyList<RedFlagFinding> Detect(NormalizedText text, ComplaintFacts facts, GrowthReference? growth = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(facts);
        var affirmed = new List<RedFlagFinding>();
        var denied = new Dictionary<string, RedFlagFinding>();
        var t = text.Value;
        foreach (var rule in RedFlagCatalog.Rules)
        {
            if (affirmed.Any(f => f.Tag == rule.Tag))
            {
                continue;
            }

            // The condition depends on the whole complaint, not on the match: evaluate it once.
            bool? conditionHolds = null;
            for (var m = rule.Pattern.Match(t); m.Success; m = m.NextMatch())
            {
                if (NegationDetector.IsNegated(t, m.Index))
                {
                    denied.TryAdd(rule.Tag, new RedFlagFinding(rule.Tag, rule.Severity, Evidence(text, m), Negated: true));
                    continue;
                }

                conditionHolds ??= rule.Condition?.Invoke(facts, t) ?? true;
                if (conditionHolds.Value)
                {
                    affirmed.Add(new RedFlagFinding(rule.Tag, rule.Severity, Evidence(text, m), Negated: false));
                }

                break;
            }
        }

        if (growth is not null)
        {
            foreach (var measured in MeasuredRedFlags.Detect(t, facts, growth))
            {
                if (!affirmed.Any(f => f.Tag == measured.Tag))
                {
                    affirmed.Add(measured);
                    denied.Remove(measured.Tag);
                }
            }
        }

        foreach (var finding in denied.Values)
        {
            if (!affirmed.Any(f => f.Tag == finding.Tag))
            {
                affirmed.Add(finding);
            }
        }

        return affirmed;
    }

    private static TextSpan Evidence(NormalizedText text, Match m)
    {
        var (start, length) = text.ToOriginalSpan(m.Index, m.Length);
        return new TextSpan(start, length, text.Original.Substring(start, length));
    }
}
