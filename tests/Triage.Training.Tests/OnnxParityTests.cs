using Microsoft.ML;
using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Evaluation;
using Triage.Models.Classification;
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
    [InlineData(OnnxComplaintClassifier.DispositionHead)]
    [InlineData(OnnxComplaintClassifier.SpecialtyHead)]
    [InlineData(OnnxComplaintClassifier.RedFlagHead)]
    public void ShippedModel_OnnxScores_EqualCalibratedMlNetScoresOnEveryValidationRecord(string head)
    {
        var folder = Repository.ShippedModel;
        var card = ModelCard.Read(folder);
        var featurizer = new ComplaintFeaturizer(card.Features);
        var reader = new EligibilityPolicy(new KeywordComplaintClassifier(), PilotOptions.Beijing2026(), TimeProvider.System, Repository.Growth);
        var trainer = new LinearModelTrainer(card.Seed, card.Features.Dimension);
        var mlnet = trainer.Context.Model.Load(Path.Combine(folder, $"{head}.mlnet.zip"), out _);
        using var onnx = new OnnxLinearScorer(Path.Combine(folder, OnnxComplaintClassifier.ModelFile));
        var output = onnx.Heads.ToList().IndexOf(head);
        var labels = onnx.Labels[head];

        // The card's calibration, in the head's label order: the exported weights have it folded in.
        var calibration = card.Calibration![head]!;
        var calibrationLabels = calibration["labels"]!.AsArray().Select(l => (string)l!).ToList();
        var scale = (double)calibration["scale"]!;
        var shift = labels.Select(l => (double)calibration["shift"]![calibrationLabels.IndexOf(l)]!).ToArray();

        var records = LabelledData.Read(Path.Combine(Repository.DataFolder, "validation.jsonl"));
        var features = records.Select(r => featurizer.Featurize(reader.Read(new ComplaintInput { Text = r.Text }))).ToList();
        // Batch scoring through the ML.NET model itself (a test, not a server: no PredictionEngine needed).
        var rows = features.Select(f => TrainingRow.From(labels[0], 1f, f, card.Features.Dimension));
        var scored = trainer.Context.Data.CreateEnumerable<Scored>(mlnet.Transform(trainer.Load(rows)), reuseRowObject: false).ToList();

        Assert.Equal(records.Count, scored.Count);
        var worst = 0.0;
        for (var i = 0; i < features.Count; i++)
        {
            // softmax(log p * a + b) = softmax(z * a + b): ML.NET's probabilities calibrated the way the export was.
            var expected = LinearSoftmaxModel.Softmax([.. scored[i].Score.Select((p, c) => (Math.Log(Math.Max(p, 1e-30)) * scale) + shift[c])]);
            var actual = onnx.Score(features[i])[output];
            Assert.Equal(expected.Length, actual.Length);
            for (var c = 0; c < actual.Length; c++)
            {
                worst = Math.Max(worst, Math.Abs(expected[c] - actual[c]));
            }
        }

        Assert.True(worst <= 1e-4, $"largest difference {worst:E2}");
    }

    [Fact]
    public void Exporter_ThreeHeads_OnnxRuntimeAgreesWithTheManagedScoreAndReadsBack()
    {
        var random = new Random(7);
        LinearHead Head(string name, params string[] labels)
        {
            var weights = new float[16 * labels.Length];
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = (float)(random.NextDouble() - 0.5);
            }

            return new LinearHead(name, labels, weights, [.. labels.Select(_ => (float)(random.NextDouble() - 0.5))]);
        }

        var model = new LinearSoftmaxModel(16, [Head("a", "x", "y", "z"), Head("b", "p", "q"), Head("c", "none", "u", "v", "w")]);
        var path = Path.Combine(Path.GetTempPath(), $"linear-{Guid.NewGuid():N}.onnx");
        try
        {
            model.WriteOnnx(path, new Dictionary<string, string> { ["model_version"] = "t" });
            using var scorer = new OnnxLinearScorer(path);
            var features = new SparseFeatures([1, 5, 9], [0.5f, 0.25f, 0.8f]);
            var actual = scorer.Score(features);
            Assert.Equal(["a", "b", "c"], scorer.Heads);
            for (var h = 0; h < 3; h++)
            {
                var expected = LinearSoftmaxModel.Softmax(LinearSoftmaxModel.Logits(model.Heads[h], features));
                Assert.Equal(model.Heads[h].Labels, scorer.Labels[model.Heads[h].Name]);
                for (var c = 0; c < expected.Length; c++)
                {
                    Assert.Equal(expected[c], actual[h][c], 5);
                }
            }

            var back = LinearSoftmaxModel.ReadOnnx(path);
            for (var h = 0; h < 3; h++)
            {
                Assert.Equal(model.Heads[h].Weights, back.Heads[h].Weights);
                Assert.Equal(model.Heads[h].Biases, back.Heads[h].Biases);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
