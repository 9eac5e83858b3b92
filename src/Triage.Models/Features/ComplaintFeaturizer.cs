using Triage.Domain.Decision;
using Triage.Domain.Facts;
using Triage.Domain.RedFlags;

namespace Triage.Models.Features;

/// <summary>
/// The one featurizer of training and serving: Chinese character n-grams and words (jieba's
/// dictionary), English word n-grams, the keyword lexicon's votes, the extracted facts and the red
/// flags, hashed (FNV-1a) into a fixed space and L2-normalised. Each feature name carries a kind
/// prefix so a word never collides by design with a fact. Runs once per decision and keeps where
/// each feature came from, so an explanation names its features without featurizing again.
/// </summary>
public sealed class ComplaintFeaturizer
{
    /// <summary>Kind of the features named by a string (lexicon votes, facts, flags) rather than a span of text.</summary>
    internal const int NamedKind = 255;

    /// <summary>Prefixes of the features that are spans of the text: character n-grams, English words, Chinese words.</summary>
    internal static readonly string[] TextKinds = ["c:", "w:", "s:"];

    private const int CharKind = 0;
    private const int EnglishKind = 1;
    private const int WordKind = 2;

    /// <summary>Creates the featurizer; Chinese words need <paramref name="segmenter"/> (the shipped one when null).</summary>
    public ComplaintFeaturizer(FeatureSettings settings, ChineseWordSegmenter? segmenter = null)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        Segmenter = settings.ChineseWords ? segmenter ?? ChineseWordSegmenter.Default : null;
    }

    /// <summary>The settings in use.</summary>
    public FeatureSettings Settings { get; }

    /// <summary>The word segmenter, when the settings ask for Chinese words.</summary>
    public ChineseWordSegmenter? Segmenter { get; }

    /// <summary>The feature vector of one complaint, with its feature names kept for explanations.</summary>
    public SparseFeatures Featurize(ComplaintReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var (text, facts, redFlags, cues) = reading;
        var t = text.Value;
        // Each feature as (index << 24 | arrival, weight): sorting the keys groups an index's weights
        // in arrival order, so they add up exactly as a running total per index would.
        var keys = new List<long>(256);
        var weights = new List<float>(256);
        var origins = new List<long>(256);
        var named = new List<string>();
        var mask = (uint)(Settings.Dimension - 1);

        void Add(uint hash, float weight, long origin)
        {
            keys.Add(((long)(hash & mask) << 24) | (uint)weights.Count);
            weights.Add(weight);
            origins.Add(origin);
        }

        void AddSpan(int kind, int start, int length) =>
            Add(Hash(TextKinds[kind], t.AsSpan(start, length)), 1f, ((long)kind << 56) | ((long)start << 28) | (uint)length);

        void AddNamed(string kind, string name, float weight)
        {
            Add(Hash(kind, name), weight, ((long)NamedKind << 56) | (uint)named.Count);
            named.Add(kind + name);
        }

        var i = 0;
        Span<int> wordStarts = stackalloc int[64];
        Span<int> wordEnds = stackalloc int[64];
        while (i < t.Length)
        {
            if (IsCjk(t[i]))
            {
                var start = i;
                while (i < t.Length && IsCjk(t[i]))
                {
                    i++;
                }

                var runLength = i - start;
                for (var n = 1; n <= Settings.MaxCharNgram; n++)
                {
                    for (var s = 0; s + n <= runLength; s++)
                    {
                        AddSpan(CharKind, start + s, n);
                    }
                }

                // Single characters are already the unigrams: only words of two or more add anything.
                Segmenter?.Segment(t.AsSpan(start, runLength), (s, length) =>
                {
                    if (length > 1)
                    {
                        AddSpan(WordKind, start + s, length);
                    }
                });
            }
            else if (char.IsAsciiLetter(t[i]))
            {
                var count = 0;
                while (i < t.Length && !IsCjk(t[i]))
                {
                    if (char.IsAsciiLetter(t[i]))
                    {
                        var start = i;
                        while (i < t.Length && (char.IsAsciiLetter(t[i]) || t[i] == '\''))
                        {
                            i++;
                        }

                        if (count < wordStarts.Length)
                        {
                            wordStarts[count] = start;
                            wordEnds[count] = i;
                            count++;
                        }
                        else
                        {
                            EnglishNgrams(wordStarts, wordEnds, count);
                            count = 0;
                        }
                    }
                    else
                    {
                        i++;
                    }
                }

                EnglishNgrams(wordStarts, wordEnds, count);
            }
            else
            {
                i++;
            }
        }

        // The keyword lexicon's votes are features too: the model learns how far to trust them.
        foreach (var vote in cues.GroupBy(c => c.Target))
        {
            AddNamed("lex:", vote.Key, (float)vote.Sum(c => c.Weight) / 2f);
        }

        foreach (var fact in FactFeatures(facts))
        {
            AddNamed("f:", fact, 2f);
        }

        foreach (var flag in redFlags)
        {
            AddNamed(FlagKind(flag.Status), RedFlagTags.Name(flag.Tag), 3f);
        }

        return Build(t, keys, weights, origins, named);

        // English words n-grams: "short", "short of", hashed as the words joined by one space.
        void EnglishNgrams(Span<int> starts, Span<int> ends, int count)
        {
            for (var n = 1; n <= Settings.MaxWordNgram; n++)
            {
                for (var s = 0; s + n <= count; s++)
                {
                    var h = Offset;
                    h = Mix(h, TextKinds[EnglishKind]);
                    for (var w = s; w < s + n; w++)
                    {
                        if (w > s)
                        {
                            h = (h ^ ' ') * Prime;
                        }

                        h = Mix(h, t.AsSpan(starts[w], ends[w] - starts[w]));
                    }

                    Add(h, 1f, ((long)EnglishKind << 56) | ((long)starts[s] << 28) | (uint)(ends[s + n - 1] - starts[s]));
                }
            }
        }
    }

    /// <summary>The kind prefix of a red flag's feature by its status: <c>flag:</c>, <c>denied:</c>, <c>history:</c>, <c>other:</c>.</summary>
    public static string FlagKind(RedFlagStatus status) => status switch
    {
        RedFlagStatus.Affirmed => "flag:",
        RedFlagStatus.Negated => "denied:",
        RedFlagStatus.History => "history:",
        RedFlagStatus.OtherPerson => "other:",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The dimension a named feature (kind prefix and name, e.g. <c>denied:</c> and <c>seizure</c>) falls into.</summary>
    public int IndexOf(string kind, string name)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(name);
        return (int)(Hash(kind, name) & (uint)(Settings.Dimension - 1));
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

    private static SparseFeatures Build(string text, List<long> keys, List<float> weights, List<long> origins, List<string> named)
    {
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
        var firstOrigins = new long[distinct];
        var at = -1;
        for (var k = 0; k < sorted.Length; k++)
        {
            var index = (int)(sorted[k] >> 24);
            var arrival = (int)(sorted[k] & 0xFFFFFF);
            if (at < 0 || indices[at] != index)
            {
                indices[++at] = index;
                values[at] = 0f;
                firstOrigins[at] = origins[arrival];
            }

            values[at] += weights[arrival];
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

        return new SparseFeatures(indices, values) { Names = new FeatureNames(text, firstOrigins, named) };
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    // FNV-1a over the UTF-16 code units of kind and name: stable across processes and platforms.
    private const uint Offset = 2166136261u;
    private const uint Prime = 16777619u;

    private static uint Hash(string kind, ReadOnlySpan<char> name) => Mix(Mix(Offset, kind), name);

    private static uint Mix(uint h, ReadOnlySpan<char> chars)
    {
        foreach (var ch in chars)
        {
            h = (h ^ ch) * Prime;
        }

        return h;
    }
}
