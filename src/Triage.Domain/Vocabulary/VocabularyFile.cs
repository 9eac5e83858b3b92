namespace Triage.Domain.Vocabulary;

/// <summary>
/// One vocabulary file as written (red-flags.LANG.yaml): the shape YAML is read into before it is
/// checked and compiled. Keys are snake_case in the file; an unknown key fails the load.
/// </summary>
internal sealed class VocabularyFile
{
    public string Language { get; set; } = string.Empty;

    public List<SpellingEntry> Spellings { get; set; } = [];

    public CueSection Negation { get; set; } = new();

    public HistorySection History { get; set; } = new();

    public OtherPersonSection OtherPerson { get; set; } = new();

    public DrugNameSection DrugName { get; set; } = new();

    public List<string> Fever { get; set; } = [];

    public List<RuleEntry> Rules { get; set; } = [];

    internal sealed class SpellingEntry
    {
        public string Write { get; set; } = string.Empty;

        public string Means { get; set; } = string.Empty;

        public List<string> NotAfter { get; set; } = [];

        public List<string> NotBefore { get; set; } = [];

        public string Source { get; set; } = string.Empty;
    }

    internal sealed class CueSection
    {
        public List<string> Cues { get; set; } = [];

        public List<string> LookAlikes { get; set; } = [];

        public List<string> Breaks { get; set; } = [];

        public int Window { get; set; }
    }

    internal sealed class HistorySection
    {
        public List<string> Before { get; set; } = [];

        public List<string> After { get; set; } = [];

        public List<string> Recent { get; set; } = [];

        public List<string> Now { get; set; } = [];

        public List<string> Suspected { get; set; } = [];

        public List<string> Episode { get; set; } = [];

        public List<string> Established { get; set; } = [];

        public List<string> Relapse { get; set; } = [];
    }

    internal sealed class OtherPersonSection
    {
        public List<string> Cues { get; set; } = [];

        public List<string> Family { get; set; } = [];

        public List<string> Patient { get; set; } = [];
    }

    internal sealed class DrugNameSection
    {
        public List<string> Before { get; set; } = [];

        public List<string> After { get; set; } = [];
    }

    internal sealed class RuleEntry
    {
        public string Tag { get; set; } = string.Empty;

        public string Source { get; set; } = string.Empty;

        public List<string> Terms { get; set; } = [];

        public List<string> Diagnoses { get; set; } = [];

        public List<NearEntry> Near { get; set; } = [];

        public List<string> NotIn { get; set; } = [];

        public List<string> When { get; set; } = [];

        public List<string> WithAny { get; set; } = [];

        public List<string> UnlessAny { get; set; } = [];

        public bool KeepDrugNames { get; set; }
    }

    internal sealed class NearEntry
    {
        public List<string> First { get; set; } = [];

        public List<string> Then { get; set; } = [];

        public int Within { get; set; }

        public string Order { get; set; } = "first_then";
    }
}
