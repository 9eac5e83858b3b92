using Triage.Domain.Decision;
using Triage.Domain.RedFlags;
using Triage.Domain.Vocabulary;

namespace Triage.Domain.Tests;

public class ClinicalVocabularyTests
{
    public static TheoryData<string> WordedTags() => [.. RedFlagTags.Worded.Select(RedFlagTags.Name)];

    [Theory]
    [MemberData(nameof(WordedTags))]
    public void Vocabulary_EveryWordedTag_HasARuleWithASourceAndAWordedReason(string name)
    {
        var tag = RedFlagTags.Parse(name);
        Assert.Contains(Complaints.Vocabulary.RedFlags.Rules, r => r.Tag == tag && r.Source.Length > 10);
        var reason = DecisionTexts.RedFlagReason(tag);
        // A described tag has words of its own, not the bare tag.
        Assert.NotEqual($"Red flag: {name}", reason.En);
        Assert.DoesNotContain(name, reason.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Vocabulary_ShippedFiles_HaveAStableVersion()
    {
        var again = ClinicalVocabulary.Load(Path.Combine(AppContext.BaseDirectory, ClinicalVocabulary.FolderName));
        Assert.Equal(Complaints.Vocabulary.Version, again.Version);
        Assert.StartsWith("vocab-", again.Version, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules:\n  - { tag: not_a_tag, source: x, terms: [a] }\n", "not_a_tag")]
    [InlineData("rules:\n  - { tag: seizure, terms: [抽搐] }\n", "names no source")]
    [InlineData("rules:\n  - { tag: seizure, source: x, terms: [抽搐], when: [full_moon] }\n", "full_moon")]
    [InlineData("rules:\n  - { tag: seizure, source: x, terms: [Seizure] }\n", "lower case")]
    [InlineData("rules:\n  - { tag: seizure, source: x, termz: [抽搐] }\n", "red-flags.xx.yaml: line")]
    public void Load_AnInvalidFile_FailsNamingTheProblem(string yaml, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("vocab-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "red-flags.xx.yaml"), yaml);
            var error = Assert.Throws<InvalidDataException>(() => ClinicalVocabulary.Load(folder));
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Load_AClinicianAddsATerm_TheMatcherFindsItWithoutCode()
    {
        var folder = Directory.CreateTempSubdirectory("vocab-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, ClinicalVocabulary.FolderName), ClinicalVocabulary.FilePattern))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            const string Complaint = "孩子两眼发愣叫不应半分钟";
            Assert.DoesNotContain(Complaints.Vocabulary.RedFlags.Detect(Complaints.Normalize(Complaint), Complaints.Facts(Complaint)), f => f.Tag == RedFlagTag.Seizure);
            File.AppendAllText(Path.Combine(folder, "red-flags.zh.yaml"), "\n  - tag: seizure\n    source: \"test: absence seizure\"\n    terms: [两眼发愣叫不应]\n");
            var edited = ClinicalVocabulary.Load(folder);
            var text = edited.Normalize(Complaint);
            Assert.Contains(edited.RedFlags.Detect(text, Triage.Domain.Facts.FactExtractor.Extract(text, edited)), f => f.Tag == RedFlagTag.Seizure && f.Affirmed);
            Assert.NotEqual(Complaints.Vocabulary.Version, edited.Version);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
