using Triage.Domain.Classification;

namespace Triage.Domain.Tests;

public class KeywordLexiconTests
{
    private const string Group = "groups:\n  - { target: nutrition, weight: 2.5, about: feeding, source: policy 3, patterns: [挑食] }\n";

    [Fact]
    public void Shipped_EveryTargetHasCues_AndTheVersionIsTheirFingerprint()
    {
        var targets = KeywordLexicon.Cues.Select(c => c.Target).ToHashSet();
        Assert.True(targets.SetEquals([KeywordLexicon.Growth, KeywordLexicon.Nutrition, KeywordLexicon.Dermatology, KeywordLexicon.Other, KeywordLexicon.Offline]));
        Assert.Matches("^[0-9a-f]{10}$", KeywordLexicon.Version);
        Assert.Equal("keyword-rules-" + KeywordLexicon.Version, KeywordComplaintClassifier.RulesVersion);
    }

    [Fact]
    public void Load_AValidFile_CompilesItsPatternsInOrder()
    {
        var cues = Load(Group.Replace("[挑食]", "[挑食, '不会(?:走|坐)', '\\bpicky']", StringComparison.Ordinal));
        Assert.Equal(["挑食", "不会(?:走|坐)", "picky"], cues.Select(c => c.Name));
        Assert.All(cues, c => Assert.Equal((KeywordLexicon.Nutrition, 2.5), (c.Target, c.Weight)));
        Assert.True(cues[1].FirstAffirmed("孩子两岁了还不会走") >= 0);
    }

    [Theory]
    [InlineData("target: nutrition", "target: cardiology", "group 1: target must be")]
    [InlineData("source: policy 3, ", "", "group 1: needs")]
    [InlineData("weight: 2.5", "weight: 0", "group 1: needs")]
    [InlineData("[挑食]", "['不会(?:走']", "group 1: pattern")]
    [InlineData("patterns:", "patternz:", "specialty-lexicon.yaml: line")]
    public void Load_AnInvalidFile_FailsNamingTheProblem(string replace, string with, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => Load(Group.Replace(replace, with, StringComparison.Ordinal)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static List<KeywordCue> Load(string yaml)
    {
        var folder = Directory.CreateTempSubdirectory("lexicon-").FullName;
        try
        {
            var path = Path.Combine(folder, KeywordLexicon.FileName);
            File.WriteAllText(path, yaml);
            return KeywordLexicon.Load(path);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
