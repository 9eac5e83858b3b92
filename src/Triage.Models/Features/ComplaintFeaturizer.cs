using Triage.Models.Classification;
using Triage.Models.Facts;
using Triage.Models.RedFlags;
using Triage.Models.Text;

namespace Triage.Models.Features;

/// <summary>
/// The one featurizer of training and serving: Chinese character n-grams, English word
/// n-grams and the extracted facts and red flags, hashed (FNV-1a) into a fixed space and
/// L2-normalised. Each feature name carries a kind prefix so a word never collides by design
/// with a fact.
/// </summary>
public sealed class ComplaintFeaturizer(FeatureSettings settings)
{
    /// <summary>The settings in use.</summary>
    public FeatureSettings Settings { get; } = settings ?? throw new ArgumentNullException(nameof(settings));

    /// <summary>The feature vector of one complaint.</summary>
    public SparseFeatures Featurize(NormalizedText text, ComplaintFacts facts, IReadOnlyList<RedFlagFinding> redFlags) =>
        Build(text, facts, redFlags, names: null);

    /// <summary>The feature vector and, per dimension, the feature names that fell into it (for explanations).</summary>
    public SparseFeatures Featurize(NormalizedText text, ComplaintFacts facts, IReadOnlyList<RedFlagFinding> redFlags, Dictionary<int, string> names) =>
        Build(text, facts, redFlags, names ?? throw new ArgumentNullException(nameof(names)));

    private SparseFeatures Build(NormalizedText text, ComplaintFacts facts, IReadOnlyList<RedFlagFinding> redFlags, Dictionary<int, string>? names)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(redFlags);
        // Each feature as (index << 24 | arrival, weight): sorting the keys groups an index's weights
        // in arrival order, so they add up exactly as a running total per index would.
        var keys = new List<long>(128);
        var weights = new List<float>(128);
        var mask = Settings.Dimension - 1;

        void Add(string kind, ReadOnlySpan<char> name, float weight = 1f)
        {
            var index = (int)(Hash(kind, name) & (uint)mask);
            keys.Add(((long)index << 24) | (uint)weights.Count);
            weights.Add(weight);
            if (names is not null && !names.ContainsKey(index))
            {
                names[index] = kind + name.ToString();
            }
        }

        var t = text.Value.AsSpan();
        var i = 0;
        while (i < t.Length)
        {
            if (IsCjk(t[i]))
            {
                var start = i;
                while (i < t.Length && IsCjk(t[i]))
                {
                    i++;
                }

                var run = t[start..i];
                for (var n = 1; n <= Settings.MaxCharNgram; n++)
                {
                    for (var s = 0; s + n <= run.Length; s++)
                    {
                        Add("c:", run.Slice(s, n));
                    }
                }
            }
            else if (char.IsAsciiLetter(t[i]))
            {
                var words = new List<string>();
                while (i < t.Length && !IsCjk(t[i]))
                {
                    if (char.IsAsciiLetter(t[i]))
                    {
                        var start = i;
                        while (i < t.Length && (char.IsAsciiLetter(t[i]) || t[i] == '\''))
                        {
                            i++;
                        }

                        words.Add(t[start..i].ToString());
                    }
                    else
                    {
                        i++;
                    }
                }

                for (var n = 1; n <= Settings.MaxWordNgram; n++)
                {
                    for (var s = 0; s + n <= words.Count; s++)
                    {
                        Add("w:", string.Join(' ', words.Skip(s).Take(n)));
                    }
                }
            }
            else
            {
                i++;
            }
        }

        // The keyword lexicon's votes are features too: the model learns how far to trust them.
        foreach (var vote in KeywordLexicon.Matches(text.Value).GroupBy(c => c.Target))
        {
            Add("lex:", vote.Key, (float)vote.Sum(c => c.Weight) / 2f);
        }

        foreach (var fact in FactFeatures(facts))
        {
            Add("f:", fact, 2f);
        }

        foreach (var flag in redFlags)
        {
            Add(flag.Status switch
            {
                RedFlagStatus.Affirmed => "flag:",
                RedFlagStatus.Negated => "denied:",
                RedFlagStatus.History => "history:",
                _ => "other:",
            }, RedFlagTags.Name(flag.Tag), 3f);
        }

        var sorted = keys.ToArray();
        Array.Sort(sorted);
        var distinct = 0;
        for (var k = 0; k < sorted.Length; k++)
        {
            if (k == 0 || sorted[k] >> 24 != sorted[k - 1] >> 24)
            {
                distinct++;
            }
        }

        var indices = new int[distinct];
        var values = new float[distinct];
        var at = -1;
        for (var k = 0; k < sorted.Length; k++)
        {
            var index = (int)(sorted[k] >> 24);
            if (at < 0 || indices[at] != index)
            {
                indices[++at] = index;
                values[at] = 0f;
            }

            values[at] += weights[(int)(sorted[k] & 0xFFFFFF)];
        }

        var norm = 0.0;
        for (var k = 0; k < values.Length; k++)
        {
            norm += values[k] * values[k];
        }

        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        for (var k = 0; k < values.Length; k++)
        {
            values[k] *= scale;
        }

        return new SparseFeatures(indices, values);
    }

    /// <summary>The facts as categorical feature names: bands rather than raw numbers.</summary>
    public static IEnumerable<string> FactFeatures(ComplaintFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        yield return "subject=" + facts.Subject.ToString().ToLowerInvariant();
        yield return "age=" + facts.AgeMonths switch
        {
            null => "unknown",
            < 3.05 => "lt3m",
            < 12 => "3to12m",
            < 36 => "1to3y",
            < 72 => "3to6y",
            < 144 => "6to12y",
            < 216 => "12to18y",
            _ => "adult",
        };
        if (facts.Fever)
        {
            yield return "fever";
        }

        if (facts.TemperatureC is { } c)
        {
            yield return "temp=" + (c >= 39 ? "ge39" : c >= 38 ? "38to39" : "lt38");
        }

        if (facts.FeverDays >= 5)
        {
            yield return "fever_ge5d";
        }

        if (facts.DurationDays is { } d)
        {
            yield return "duration=" + (d < 3 ? "lt3d" : d < 14 ? "3to14d" : d < 90 ? "2wto3m" : "ge3m");
        }

        if (facts.HeightCm is not null)
        {
            yield return "height_given";
        }

        if (facts.WeightKg is not null)
        {
            yield return "weight_given";
        }

        if (facts.Sex != Sex.Unknown)
        {
            yield return "sex=" + facts.Sex.ToString().ToLowerInvariant();
        }

        if (facts.Newborn)
        {
            yield return "newborn";
        }
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    // FNV-1a over the UTF-16 code units of kind and name: stable across processes and platforms.
    private static uint Hash(string kind, ReadOnlySpan<char> name)
    {
        var h = 2166136261u;
        foreach (var ch in kind)
        {
            h = (h ^ ch) * 16777619u;
        }

        foreach (var ch in name)
        {
            h = (h ^ ch) * 16777619u;
        }

        return h;
    }
}
