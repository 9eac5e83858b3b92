using Triage.Domain.Classification;
using Triage.Domain.Evaluation;
using Triage.Domain.Text;

namespace Triage.Domain.Tests;

public class KeywordCueTests
{
    [Theory]
    [InlineData("囟门(?:闭合|早闭|大|小)", "囟")]
    [InlineData("(?:可以|能|能不能|适合)(?:吃|喝)", "可能适")]
    [InlineData(@"\bheight|growth hormone", "hg")]
    [InlineData("[痒疹]{2}", "痒疹")]
    public void FirstChars_SimplePatterns_AreTheCharactersAMatchStartsWith(string pattern, string expected)
    {
        var chars = RegexFirstChars.Of(pattern);
        Assert.NotNull(chars);
        Assert.Equal(expected.Order(), chars);
    }

    [Theory]
    [InlineData("(?<!哮|咳)喘")]
    [InlineData("胸(?:部)?大|(?:部)?胸")]
    [InlineData(@"\d+斤")]
    [InlineData("[^a]b")]
    [InlineData("a?b")]
    public void FirstChars_PatternsItCannotRead_GiveNoShortcut(string pattern)
    {
        Assert.Null(RegexFirstChars.Of(pattern));
    }

    [Fact]
    public void Matches_OnEveryLabelledText_AgreesWithTryingEveryCue()
    {
        var folder = LabelledData.FindSharedDataFolder(AppContext.BaseDirectory)!;
        var texts = new[] { "train.jsonl", "validation.jsonl", "augment.jsonl" }
            .SelectMany(f => LabelledData.Read(Path.Combine(folder, f)))
            .Select(r => TextNormalizer.Normalize(r.Text).Value)
            .ToList();
        Assert.True(texts.Count > 1000);
        foreach (var text in texts)
        {
            var everyCue = KeywordLexicon.Cues.Where(c => c.FirstAffirmed(text) >= 0).ToList();
            Assert.Equal(everyCue, KeywordLexicon.Matches(text));
        }
    }
}
