using System.Security.Cryptography;
using Triage.Domain.RedFlags;
using Triage.Domain.Text;

namespace Triage.Domain.Vocabulary;

/// <summary>
/// The reviewed clinical vocabulary (red-flags.*.yaml, one file per language): spellings, the
/// exceptions (negation, history, someone else, drug names), fever words and the red-flag rules,
/// compiled once into fast matchers. Loading checks every tag, condition and key and fails with the
/// file and rule named, so a clinician's edit that cannot be read stops the service at start-up
/// rather than changing decisions silently.
/// </summary>
public sealed class ClinicalVocabulary
{
    /// <summary>The folder name beside the binaries that holds the shipped vocabulary.</summary>
    public const string FolderName = "Vocabulary";

    /// <summary>The file pattern of vocabulary files in a folder.</summary>
    public const string FilePattern = "red-flags.*.yaml";

    private static readonly Lazy<ClinicalVocabulary> Shipped = new(() => Load(Path.Combine(AppContext.BaseDirectory, FolderName)));

    private ClinicalVocabulary(string version, SpellingCorrector spelling, RedFlagExceptions exceptions, TermIndex fever, RedFlagMatcher redFlags)
    {
        Version = version;
        Spelling = spelling;
        Exceptions = exceptions;
        Fever = fever;
        RedFlags = redFlags;
    }

    /// <summary>The vocabulary shipped beside the binaries (loaded on first use).</summary>
    public static ClinicalVocabulary Default => Shipped.Value;

    /// <summary>"vocab-" and the first hex digits of the SHA-256 of the files: recorded with every decision and model.</summary>
    public string Version { get; }

    /// <summary>Typo and homophone corrections applied before anything reads the text.</summary>
    public SpellingCorrector Spelling { get; }

    /// <summary>Denied, history, someone else, drug names.</summary>
    public RedFlagExceptions Exceptions { get; }

    /// <summary>Denials alone (the facts use them for fever).</summary>
    public NegationDetector Negation => Exceptions.Negation;

    /// <summary>Words that affirm a fever.</summary>
    public TermIndex Fever { get; }

    /// <summary>The red-flag rules, compiled.</summary>
    public RedFlagMatcher RedFlags { get; }

    /// <summary>Normalises a complaint and corrects its spellings: the text every later step reads.</summary>
    public NormalizedText Normalize(string text) => Spelling.Correct(TextNormalizer.Normalize(text));

    /// <summary>Loads and compiles every <c>red-flags.*.yaml</c> in <paramref name="folder"/>.</summary>
    public static ClinicalVocabulary Load(string folder)
    {
        var paths = Directory.Exists(folder) ? Directory.GetFiles(folder, FilePattern).Order(StringComparer.Ordinal).ToArray() : [];
        if (paths.Length == 0)
        {
            throw new FileNotFoundException($"Vocabulary: no {FilePattern} in {folder}");
        }

        var files = new List<(string Name, VocabularyFile File)>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in paths)
        {
            var bytes = File.ReadAllBytes(path);
            hash.AppendData(bytes);
            var name = Path.GetFileName(path);
            files.Add((name, VocabularyYaml.Read<VocabularyFile>(name, System.Text.Encoding.UTF8.GetString(bytes))));
        }

        return Compile(files, "vocab-" + Convert.ToHexStringLower(hash.GetHashAndReset())[..10]);
    }

    private static ClinicalVocabulary Compile(List<(string Name, VocabularyFile File)> files, string version)
    {
        var spellings = new List<(string, string, IReadOnlyList<string>, IReadOnlyList<string>)>();
        var negation = new List<NegationCues>();
        foreach (var (name, file) in files)
        {
            foreach (var s in file.Spellings)
            {
                Check(name, "spellings", s.Write, s.Means);
                if (string.IsNullOrWhiteSpace(s.Source))
                {
                    throw new InvalidDataException($"{name}: spelling '{s.Write}' names no source");
                }

                spellings.Add((s.Write, s.Means, s.NotAfter, s.NotBefore));
            }

            var n = file.Negation;
            if (n.Cues.Count > 0)
            {
                Check(name, "negation", [.. n.Cues, .. n.LookAlikes, .. n.Breaks]);
                negation.Add(new NegationCues(new PhraseList(n.Cues), new PhraseList(n.LookAlikes), new PhraseList(n.Breaks), n.Window > 0 ? n.Window : throw new InvalidDataException($"{name}: negation window must be positive")));
            }
        }

        PhraseList Merged(string section, Func<VocabularyFile, IEnumerable<string>> list)
        {
            var words = files.SelectMany(f => list(f.File).Select(w => (f.Name, w))).ToList();
            foreach (var (file, word) in words)
            {
                Check(file, section, word);
            }

            return new PhraseList(words.Select(w => w.w).Distinct(StringComparer.Ordinal));
        }

        var exceptions = new RedFlagExceptions(
            new NegationDetector(negation),
            new HistoryCues(Merged("history.before", f => f.History.Before), Merged("history.recent", f => f.History.Recent), Merged("history.after", f => f.History.After), Merged("history.now", f => f.History.Now), Merged("history.suspected", f => f.History.Suspected), Merged("history.episode", f => f.History.Episode), Merged("history.established", f => f.History.Established), Merged("history.relapse", f => f.History.Relapse)),
            (Merged("other_person.cues", f => f.OtherPerson.Cues), Merged("other_person.family", f => f.OtherPerson.Family), Merged("other_person.patient", f => f.OtherPerson.Patient)),
            (Merged("drug_name.before", f => f.DrugName.Before), Merged("drug_name.after", f => f.DrugName.After)));

        var fever = files.SelectMany(f => f.File.Fever.Select(w => (f.Name, w))).ToList();
        foreach (var (file, word) in fever)
        {
            Check(file, "fever", word);
        }

        return new ClinicalVocabulary(version, new SpellingCorrector(spellings), exceptions, new TermIndex([.. fever.Select(w => w.w).Distinct(StringComparer.Ordinal)]), CompileRules(files, exceptions));
    }

    private static RedFlagMatcher CompileRules(List<(string Name, VocabularyFile File)> files, RedFlagExceptions exceptions)
    {
        var rules = new List<RedFlagRule>();
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        var uses = new List<List<(int, RedFlagMatcher.TermRole, int)>>();
        void Use(string term, int rule, RedFlagMatcher.TermRole role, int pair)
        {
            if (!terms.TryGetValue(term, out var id))
            {
                id = terms.Count;
                terms[term] = id;
                uses.Add([]);
            }

            uses[id].Add((rule, role, pair));
        }

        foreach (var (name, file) in files)
        {
            for (var i = 0; i < file.Rules.Count; i++)
            {
                var entry = file.Rules[i];
                var where = $"{name}: rule {i + 1} ({entry.Tag})";
                if (!RedFlagTags.TryParse(entry.Tag, out var tag) || RedFlagTags.IsMeasured(tag))
                {
                    throw new InvalidDataException($"{where}: unknown tag (triage-policy.md §4 lists the tags; measured ones are not worded)");
                }

                if (string.IsNullOrWhiteSpace(entry.Source))
                {
                    throw new InvalidDataException($"{where}: names no source");
                }

                if (entry.Terms.Count + entry.Diagnoses.Count + entry.Near.Count == 0)
                {
                    throw new InvalidDataException($"{where}: has no terms, diagnoses or pairs");
                }

                var when = entry.When.Select(w => FactConditions.TryParse(w, out var c) ? c : throw new InvalidDataException($"{where}: unknown condition '{w}'")).ToList();
                Check(where, "words", [.. entry.Terms, .. entry.Diagnoses, .. entry.NotIn, .. entry.WithAny, .. entry.UnlessAny, .. entry.Near.SelectMany(p => p.First.Concat(p.Then))]);
                var index = rules.Count;
                foreach (var t in entry.Terms)
                {
                    Use(t, index, RedFlagMatcher.TermRole.Term, 0);
                }

                foreach (var d in entry.Diagnoses)
                {
                    Use(d, index, RedFlagMatcher.TermRole.Diagnosis, 0);
                }

                foreach (var m in entry.NotIn)
                {
                    Use(m, index, RedFlagMatcher.TermRole.Mask, 0);
                }

                var pairs = new List<(int, bool)>();
                foreach (var near in entry.Near)
                {
                    if (near.First.Count == 0 || near.Then.Count == 0 || near.Within < 0 || near.Order is not ("first_then" or "any"))
                    {
                        throw new InvalidDataException($"{where}: a pair needs first and then words, a non-negative 'within' and order 'first_then' or 'any'");
                    }

                    foreach (var f in near.First)
                    {
                        Use(f, index, RedFlagMatcher.TermRole.First, pairs.Count);
                    }

                    foreach (var t in near.Then)
                    {
                        Use(t, index, RedFlagMatcher.TermRole.Then, pairs.Count);
                    }

                    pairs.Add((near.Within, near.Order == "any"));
                }

                rules.Add(new RedFlagRule(tag, entry.Source, when, new PhraseList(entry.WithAny), new PhraseList(entry.UnlessAny), pairs, entry.KeepDrugNames));
            }
        }

        var missing = RedFlagTags.Worded.Where(t => rules.All(r => r.Tag != t)).Select(RedFlagTags.Name).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"Vocabulary: no rule for {string.Join(", ", missing)}");
        }

        return new RedFlagMatcher(rules, new TermIndex([.. terms.Keys]), [.. uses.Select(u => u.ToArray())], exceptions);
    }

    // Words are matched on the normalised text: one written otherwise (upper case, full width) could never match.
    private static void Check(string where, string section, params IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            var bare = TermIndex.Parse(word ?? string.Empty).Text;
            if (bare.Trim().Length == 0)
            {
                throw new InvalidDataException($"{where}: an empty word in {section}");
            }

            if (TextNormalizer.Normalize(bare).Value != bare || bare.Trim() != bare)
            {
                throw new InvalidDataException($"{where}: '{word}' in {section} must be written as matched (lower case, half width, no outer spaces)");
            }
        }
    }
}
