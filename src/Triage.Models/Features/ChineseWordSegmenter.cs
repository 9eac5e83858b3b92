using System.Globalization;

namespace Triage.Models.Features;

/// <summary>
/// Chinese word segmentation by jieba's own method without its HMM: every dictionary word that
/// starts at each character forms a graph, and the route through it with the highest product of
/// word frequencies wins. jieba.NET's dictionary (dict.txt, 349,046 words with frequencies) is
/// compiled once into a trie; a test checks the words equal jieba.NET's <c>Cut(text, hmm: false)</c>
/// on every labelled record. jieba.NET itself takes about 70 µs a complaint here; this, a few.
/// </summary>
public sealed class ChineseWordSegmenter
{
    /// <summary>The dictionary's file name beside the binaries.</summary>
    public const string DictionaryFile = "Segmenter/dict.txt";

    private const int Root = 0;
    private static readonly Lazy<ChineseWordSegmenter> Shipped = new(() => Load(Path.Combine(AppContext.BaseDirectory, DictionaryFile)));

    private readonly int[] _rootNext;
    private readonly Dictionary<long, int> _next;
    private readonly float[] _logFrequency;

    private readonly double _logTotal;

    private ChineseWordSegmenter(Dictionary<long, int> next, int[] rootNext, float[] logFrequency, int words, double logTotal)
    {
        _logTotal = logTotal;
        _next = next;
        _rootNext = rootNext;
        _logFrequency = logFrequency;
        Words = words;
    }

    /// <summary>The segmenter over the dictionary shipped beside the binaries (loaded on first use).</summary>
    public static ChineseWordSegmenter Default => Shipped.Value;

    /// <summary>Number of dictionary words.</summary>
    public int Words { get; }

    /// <summary>Loads a jieba dictionary: one "word frequency [tag]" per line.</summary>
    public static ChineseWordSegmenter Load(string path)
    {
        var words = new List<(string Word, long Frequency)>();
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split(' ', 3);
            if (parts.Length >= 2 && parts[0].Length > 0 && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var frequency))
            {
                words.Add((parts[0], frequency));
            }
        }

        var total = words.Sum(w => (double)w.Frequency);
        var logTotal = Math.Log(total);
        var next = new Dictionary<long, int>(words.Count * 2);
        var rootNext = new int[char.MaxValue + 1];
        var frequencies = new List<float> { float.NaN };
        foreach (var (word, frequency) in words)
        {
            var node = Root;
            foreach (var c in word)
            {
                var existing = node == Root ? rootNext[c] : next.GetValueOrDefault(Key(node, c));
                if (existing == 0)
                {
                    existing = frequencies.Count;
                    frequencies.Add(float.NaN);
                    if (node == Root)
                    {
                        rootNext[c] = existing;
                    }
                    else
                    {
                        next[Key(node, c)] = existing;
                    }
                }

                node = existing;
            }

            // jieba: a word of frequency 0 is a prefix only; later duplicates overwrite earlier ones.
            frequencies[node] = frequency > 0 ? (float)(Math.Log(frequency) - logTotal) : float.NaN;
        }

        return new ChineseWordSegmenter(next, rootNext, [.. frequencies], words.Count, logTotal);
    }

    /// <summary>Calls <paramref name="word"/> with (start, length) of each word of a run of Chinese characters, in order.</summary>
    public void Segment(ReadOnlySpan<char> run, Action<int, int> word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var n = run.Length;
        if (n == 0)
        {
            return;
        }

        Span<double> score = n <= 256 ? stackalloc double[n + 1] : new double[n + 1];
        Span<int> end = n <= 256 ? stackalloc int[n] : new int[n];
        score[n] = 0;
        // A character that starts no dictionary word counts as frequency 1 (jieba's "or 1").
        var single = -_logTotal;
        for (var k = n - 1; k >= 0; k--)
        {
            // The route from k: the best over every dictionary word starting at k (or k alone), first best kept.
            var best = double.NegativeInfinity;
            var bestEnd = k;
            var found = false;
            var node = _rootNext[run[k]];
            for (var i = k; node != 0;)
            {
                var f = _logFrequency[node];
                if (!float.IsNaN(f))
                {
                    found = true;
                    var s = f + score[i + 1];
                    if (s > best)
                    {
                        best = s;
                        bestEnd = i;
                    }
                }

                if (++i >= n || !_next.TryGetValue(Key(node, run[i]), out node))
                {
                    break;
                }
            }

            if (!found)
            {
                best = single + score[k + 1];
                bestEnd = k;
            }

            score[k] = best;
            end[k] = bestEnd;
        }

        for (var k = 0; k < n; k = end[k] + 1)
        {
            word(k, end[k] - k + 1);
        }
    }

    private static long Key(int node, char c) => ((long)node << 16) | c;
}
