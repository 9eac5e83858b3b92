using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Evaluation;
using Triage.Domain.Vocabulary;
using Triage.Models.Classification;
using Triage.Models.Features;
using Triage.Models.Onnx;

namespace Triage.Training.Tests;

/// <summary>
/// Training is reproducible the way floating point allows: byte for byte within one process, and
/// across machines (where ML.NET's vector code rounds differently by CPU width) the same version,
/// thresholds and safety figures, the other figures within a rounding, and almost every decision alike.
/// </summary>
public class ReproducibilityTests
{
    private const double FigureTolerance = 0.005;
    private const double MaxChangedDecisions = 0.01;

    [Fact]
    public void TestHost_TrainsWith256BitVectors_AsTriageTrainDoes() =>
        Assert.False(TrainingMachine.UsesWideVectors, $"the test host uses 512-bit vectors: training.runsettings should set {TrainingMachine.PinVariable}=0");

    [Fact]
    public void TrainHead_TwiceInOneProcess_GivesTheSameBytes()
    {
        var settings = FeatureSettings.Default;
        var featurizer = new ComplaintFeaturizer(settings);
        var reader = new EligibilityPolicy(new KeywordComplaintClassifier(), PilotOptions.Beijing2026(), TimeProvider.System, Repository.Growth);
        var records = LabelledData.Read(Path.Combine(Repository.DataFolder, "validation.jsonl"));
        var rows = records.Select(r => TrainingRow.From(r.Disposition, 1f, featurizer.Featurize(reader.Read(new ComplaintInput { Text = r.Text })), settings.Dimension)).ToList();

        byte[] Train()
        {
            var trainer = new LinearModelTrainer(20261201, settings.Dimension);
            var (_, head) = trainer.Train(OnnxComplaintClassifier.DispositionHead, trainer.Load(rows));
            return new LinearSoftmaxModel(settings.Dimension, [head]).ToOnnx(new Dictionary<string, string>()).ToByteArray();
        }

        Assert.True(Train().AsSpan().SequenceEqual(Train()), "two trainings in one process gave different weights");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Train_FromTheSameData_ReproducesTheShippedVersionThresholdsAndSafetyFigures()
    {
        var shipped = Repository.ShippedModel;
        var output = Directory.CreateTempSubdirectory("triage-train-").FullName;
        try
        {
            var result = new TrainingPipeline(Repository.DataFolder, output, TextWriter.Null) { WriteMlNetModels = false }.Run(FeatureSettings.Default);
            var expected = ModelCard.Read(shipped);
            var actual = ModelCard.Read(result.Folder);

            Assert.Equal(Path.GetFileName(shipped), Path.GetFileName(result.Folder));
            Assert.Equal(expected.Version, actual.Version);
            Assert.Equal(expected.Thresholds, actual.Thresholds);
            Assert.NotNull(actual.Machine?["vectorInstructions"]);
            Assert.Equal(256, (int)actual.Machine!["vectorBits"]!);
            foreach (var part in new[] { "validation", "crossSource.pooled" })
            {
                var e = Figures(expected, part);
                var a = Figures(actual, part);
                foreach (var safety in new[] { "emergencyRecall", "hazardousCount", "falseAlarms" })
                {
                    Assert.True(e[safety]!.ToJsonString() == a[safety]!.ToJsonString(), $"{part}.{safety}: shipped {e[safety]}, retrained {a[safety]}");
                }

                foreach (var figure in new[] { "onlineRecall", "onlineSpecialtyAccuracy", "specialtyAccuracy", "dispositionAccuracy" })
                {
                    Assert.True(Math.Abs((double)e[figure]! - (double)a[figure]!) <= FigureTolerance, $"{part}.{figure}: shipped {e[figure]}, retrained {a[figure]}");
                }
            }

            using var before = new OnnxComplaintClassifier(shipped);
            using var after = new OnnxComplaintClassifier(result.Folder);
            var asOf = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 4, 0, 0, TimeSpan.Zero));
            var first = new EligibilityPolicy(before, PilotOptions.Beijing2026(), asOf, Repository.Growth);
            var second = new EligibilityPolicy(after, PilotOptions.Beijing2026(), asOf, Repository.Growth);
            var records = LabelledData.Read(Path.Combine(Repository.DataFolder, "validation.jsonl"));
            var changed = records.Count(r =>
            {
                var input = new ComplaintInput { Text = r.Text };
                var (x, y) = (first.Assess(input), second.Assess(input));
                return x.Disposition != y.Disposition || x.Specialty != y.Specialty;
            });
            Assert.True(changed <= records.Count * MaxChangedDecisions, $"{changed} of {records.Count} validation decisions changed");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static JsonNode Figures(ModelCard card, string path) =>
        path.Split('.').Aggregate((JsonNode)card.Metrics, (node, key) => node[key]!);
}
