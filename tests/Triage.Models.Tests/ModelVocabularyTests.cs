using System.Text.Json.Nodes;
using Triage.Domain.Classification;
using Triage.Domain.Vocabulary;
using Triage.Models.Classification;

namespace Triage.Models.Tests;

/// <summary>A model is served only with the red-flag vocabulary and specialty lexicon its features were read with.</summary>
public class ModelVocabularyTests
{
    [Fact]
    public void Load_TheShippedModel_NamesTheVocabularyAndLexiconServed()
    {
        using var model = ModelFolder.LoadCurrent(ModelSourceTests.ShippedModels());

        Assert.Equal(ClinicalVocabulary.Default.Version, model.Card.Vocabulary);
        Assert.Equal(KeywordLexicon.Version, model.Card.Lexicon);
    }

    [Theory]
    [InlineData("vocabulary", "vocab-0000000000", "red-flag vocabulary vocab-0000000000")]
    [InlineData("lexicon", "0000000000", "specialty lexicon 0000000000")]
    [InlineData("lexicon", null, "specialty lexicon (not recorded)")]
    public void Load_AModelTrainedWithOtherWords_IsRefusedNamingBothVersions(string field, string? trained, string expected)
    {
        var folder = CopyOfShippedModel(card => card[field] = trained);
        try
        {
            var e = Assert.Throws<ModelVocabularyMismatchException>(() => ModelFolder.LoadCurrent(folder));

            Assert.Contains(expected, e.Message, StringComparison.Ordinal);
            Assert.Contains(field == "vocabulary" ? ClinicalVocabulary.Default.Version : KeywordLexicon.Version, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(folder, e.Message, StringComparison.Ordinal);
            var missing = Assert.IsType<MissingModel>(MissingModel.LoadOrMissing(folder));
            Assert.Equal(nameof(ModelVocabularyMismatchException), missing.Cause);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string CopyOfShippedModel(Action<JsonObject> edit)
    {
        var shipped = ModelSourceTests.ShippedModels();
        var version = ModelFolder.CurrentVersion(shipped);
        var folder = Directory.CreateTempSubdirectory("triage-model-vocab-").FullName;
        var target = Directory.CreateDirectory(Path.Combine(folder, version)).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(shipped, version)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        var cardPath = Path.Combine(target, ModelCard.FileName);
        var card = JsonNode.Parse(File.ReadAllText(cardPath))!.AsObject();
        edit(card);
        File.WriteAllText(cardPath, card.ToJsonString());
        ModelFolder.Publish(folder, version);
        return folder;
    }
}
