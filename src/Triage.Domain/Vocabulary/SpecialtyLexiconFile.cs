namespace Triage.Domain.Vocabulary;

/// <summary>
/// The specialty lexicon as written (specialty-lexicon.yaml): the shape YAML is read into before it
/// is checked and compiled by <see cref="Classification.KeywordLexicon"/>. Keys are snake_case in the
/// file; an unknown key fails the load.
/// </summary>
internal sealed class SpecialtyLexiconFile
{
    public List<GroupEntry> Groups { get; set; } = [];

    internal sealed class GroupEntry
    {
        public string Target { get; set; } = string.Empty;

        public double Weight { get; set; }

        public string About { get; set; } = string.Empty;

        public string Source { get; set; } = string.Empty;

        public List<string> Patterns { get; set; } = [];
    }
}
