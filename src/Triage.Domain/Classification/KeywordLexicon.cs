using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Triage.Domain.Vocabulary;

namespace Triage.Domain.Classification;

/// <summary>
/// The keyword lexicon of the rules-first classifier: what each pilot specialty is about
/// (policy §3), what it excludes, and the cues that a complaint needs an in-person visit. The cues
/// are reviewed data (<c>Vocabulary/specialty-lexicon.yaml</c>), compiled once at start-up.
/// </summary>
public static class KeywordLexicon
{
    /// <summary>Vote target for <see cref="Specialty.Growth"/>.</summary>
    public const string Growth = "specialty:growth";

    /// <summary>Vote target for <see cref="Specialty.Nutrition"/>.</summary>
    public const string Nutrition = "specialty:nutrition";

    /// <summary>Vote target for <see cref="Specialty.Dermatology"/>.</summary>
    public const string Dermatology = "specialty:dermatology";

    /// <summary>Vote target for <see cref="Specialty.Other"/>.</summary>
    public const string Other = "specialty:other";

    /// <summary>Vote target for <see cref="Disposition.Offline"/>: needs an in-person examination.</summary>
    public const string Offline = "disposition:offline";

    /// <summary>The lexicon's file in the vocabulary folder beside the binaries.</summary>
    public const string FileName = "specialty-lexicon.yaml";

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>Every cue, each pattern compiled once.</summary>
    public static readonly IReadOnlyList<KeywordCue> Cues = Build();

    /// <summary>
    /// The first hex digits of the SHA-256 of every cue (pattern, target, weight): part of a trained model's
    /// version, since the cues are features of the model, so a changed lexicon never ships under an old version.
    /// </summary>
    public static readonly string Version = Fingerprint(Cues);

    /// <summary>Any clinical content at all: a symptom, a body part, a concern about care.</summary>
    public static readonly Regex ClinicalContent = new(
        @"疼|痛|烧|热|咳|吐|泻|拉|疹|痒|肿|红|血|哭|睡|吃|奶|便|尿|病|症|炎|药|感冒|过敏|鼻|眼|耳|牙|喉|嗓|肚|头|身|皮|长|发育|高|重|瘦|胖|斑|痘|痣|疣|癣|毛|发|抽|晕|伤|摔|黄|疸|体重|身高|奶粉|辅食|钙|铁|锌|维生素|" +
        @"\b(?:pain|fever|cough|rash|itch|vomit|diarrh|eczema|skin|weight|height|grow|eat|feed|sleep|cry|hurt|sore|swell|spot|acne|wart|mole|hair|nail|bite|allerg|short|tall|milk|formula|vitamin|iron|calcium)",
        Options);

    // Cue positions by the characters their matches start with; cues that could start anywhere are always tried.
    private static readonly Dictionary<char, int[]> CuesByFirstChar = Cues
        .SelectMany((cue, i) => (cue.FirstChars ?? []).Select(c => (c, i)))
        .GroupBy(x => x.c, x => x.i)
        .ToDictionary(g => g.Key, g => g.ToArray());

    private static readonly int[] CuesAlwaysTried = [.. Cues.Select((cue, i) => (cue, i)).Where(x => x.cue.FirstChars is null).Select(x => x.i)];

    /// <summary>
    /// The cues the text affirms (a match not negated in its clause), in lexicon order. Only cues
    /// whose first character occurs in the text are tried: one pass over the text instead of one
    /// search per cue.
    /// </summary>
    public static IReadOnlyList<KeywordCue> Matches(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var candidate = new bool[Cues.Count];
        foreach (var i in CuesAlwaysTried)
        {
            candidate[i] = true;
        }

        foreach (var c in text)
        {
            if (CuesByFirstChar.TryGetValue(c, out var cues))
            {
                foreach (var i in cues)
                {
                    candidate[i] = true;
                }
            }
        }

        var matches = new List<KeywordCue>();
        for (var i = 0; i < candidate.Length; i++)
        {
            if (candidate[i] && Cues[i].FirstAffirmed(text) >= 0)
            {
                matches.Add(Cues[i]);
            }
        }

        return matches;
    }

    private static string Fingerprint(IEnumerable<KeywordCue> cues)
    {
        var lines = cues.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Pattern}\t{c.Target}\t{c.Weight}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..10];
    }

    private static List<KeywordCue> Build() => Load(Path.Combine(AppContext.BaseDirectory, ClinicalVocabulary.FolderName, FileName));

    /// <summary>Reads and compiles a specialty lexicon file; an unknown target or key, a group without its source or a bad pattern fails the load.</summary>
    internal static List<KeywordCue> Load(string path)
    {
        var name = Path.GetFileName(path);
        var file = VocabularyYaml.Read<SpecialtyLexiconFile>(name, File.ReadAllText(path));

        var cues = new List<KeywordCue>();
        foreach (var (group, number) in file.Groups.Select((g, i) => (g, i + 1)))
        {
            var target = group.Target switch
            {
                "growth" => Growth,
                "nutrition" => Nutrition,
                "dermatology" => Dermatology,
                "other" => Other,
                "offline" => Offline,
                _ => throw new InvalidDataException($"{name}: group {number}: target must be growth, nutrition, dermatology, other or offline"),
            };
            if (group.Weight <= 0 || string.IsNullOrWhiteSpace(group.Source) || string.IsNullOrWhiteSpace(group.About) || group.Patterns.Count == 0)
            {
                throw new InvalidDataException($"{name}: group {number}: needs a positive weight, about, source and patterns");
            }

            foreach (var p in group.Patterns)
            {
                Regex regex;
                try
                {
                    regex = new Regex(p, Options);
                }
                catch (ArgumentException e)
                {
                    throw new InvalidDataException($"{name}: group {number}: pattern {p}: {e.Message}", e);
                }

                cues.Add(new KeywordCue(p.Replace(@"\b", string.Empty, StringComparison.Ordinal), regex, target, group.Weight));
            }
        }

        return cues.Count > 0 ? cues : throw new InvalidDataException($"{name}: no groups");
    }
}
