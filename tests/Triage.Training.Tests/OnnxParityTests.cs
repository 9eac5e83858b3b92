using Microsoft.ML;
using Microsoft.ML.Data;
using Triage.Models.Classification;
using Triage.Models.Decision;
using Triage.Models.Evaluation;
using Triage.Models.Features;
using Triage.Models.Onnx;

namespace Triage.Training.Tests;

public class OnnxParityTests
{
    private sealed class Scored
    {
        public float[] Score { get; set; } = [];
    }

    [Theory]
    [InlineData("disposition")]
    [InlineData("specialty")]
    public void ShippedModel_OnnxScores_EqualMlNetScoresOnEveryValidationRecord(string target)
    {
        var folder = Repository.ShippedModel;
        var card = ModelCard.Read(folder);
        var featurizer = new ComplaintFeaturizer(card.Features);
        var reader = new EligibilityPolicy(new KeywordComplaintClassifier(), PilotOptions.Beijing2026(), TimeProvider.System, Repository.Growth);
        var trainer = new LinearModelTrainer(card.Seed, card.Features.Dimension);
        var mlnet = trainer.Context.Model.Load(Path.Combine(folder, $"{target}.mlnet.zip"), out _);
        using var onnx = new OnnxLinearScorer(Path.Combine(folder, $"{target}.onnx"));

        var records = LabelledData.Read(Path.Combine(Repository.DataFolder, "validation.jsonl"));
        var rows = records.Select(r =>
        {
            var (text, facts, flags) = reader.Read(new ComplaintInput { Text = r.Text });
            var features = featurizer.Featurize(text, facts, flags);
            return (Features: features, Row: TrainingRow.From(target == "disposition" ? r.Disposition : r.Specialty, features, card.Features.Dimension));
        }).ToList();
        // Batch scoring through the ML.NET model itself (a test, not a server: no PredictionEngine needed).
        var scored = trainer.Context.Data.CreateEnumerable<Scored>(mlnet.Transform(trainer.Load(rows.Select(r => r.Row))), reuseRowObject: false).ToList();

        Assert.Equal(records.Count, scored.Count);
        var worst = 0.0;
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = scored[i].Score;
            var actual = onnx.Score(rows[i].Features);
            Assert.Equal(expected.Length, actual.Length);
            for (var c = 0; c < actual.Length; c++)
            {
                worst = Math.Max(worst, Math.Abs(expected[c] - actual[c]));
            }
        }

        Assert.True(worst <= 1e-4, $"largest difference {worst:E2}");
    }

    [Fact]
    public void Exporter_SmallModel_OnnxRuntimeAgreesWithTheManagedScore()
    {
        var weights = new float[16 * 3];
        var random = new Random(7);
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(random.NextDouble() - 0.5);
        }

        var model = new LinearSoftmaxModel(["a", "b", "c"], 16, weights, [0.1f, -0.2f, 0.3f]);
        var path = Path.Combine(Path.GetTempPath(), $"linear-{Guid.NewGuid():N}.onnx");
        try
        {
            model.WriteOnnx(path, new Dictionary<string, string> { ["model_version"] = "t" });
            using var scorer = new OnnxLinearScorer(path);
            var features = new SparseFeatures([1, 5, 9], [0.5f, 0.25f, 0.8f]);
            var expected = model.Score(features);
            var actual = scorer.Score(features);
            Assert.Equal(["a", "b", "c"], scorer.Labels);
            for (var c = 0; c < 3; c++)
            {
                Assert.Equal(expected[c], actual[c], 5);
            }

            var back = LinearSoftmaxModel.ReadOnnx(path);
            Assert.Equal(model.Weights, back.Weights);
            Assert.Equal(model.Biases, back.Biases);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
