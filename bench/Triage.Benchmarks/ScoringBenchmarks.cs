using BenchmarkDotNet.Attributes;
using Microsoft.ML;
using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Growth;
using Triage.Models.Classification;
using Triage.Models.Features;
using Triage.Models.Onnx;
using Triage.Training;

namespace Triage.Benchmarks;

/// <summary>
/// Featurize and score one complaint with the shipped model: every head through the shared ONNX
/// Runtime session the server uses, and the disposition head through ML.NET's PredictionEngine for
/// comparison.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ScoringBenchmarks
{
    private ComplaintFeaturizer _featurizer = null!;
    private OnnxLinearScorer _onnx = null!;
    private PredictionEngine<TrainingRow, Scored> _engine = null!;
    private ComplaintReading _reading = null!;
    private SparseFeatures _features = null!;
    private int _dimension;

    public sealed class Scored
    {
        public float[] Score { get; set; } = [];
    }

    [GlobalSetup]
    public void Setup()
    {
        var models = FindModels();
        var folder = Path.Combine(models, ModelFolder.CurrentVersion(models));
        var card = ModelCard.Read(folder);
        _dimension = card.Features.Dimension;
        _featurizer = new ComplaintFeaturizer(card.Features);
        _onnx = new OnnxLinearScorer(Path.Combine(folder, OnnxComplaintClassifier.ModelFile));
        var trainer = new LinearModelTrainer(card.Seed, _dimension);
        var model = trainer.Context.Model.Load(Path.Combine(folder, $"{OnnxComplaintClassifier.DispositionHead}.mlnet.zip"), out _);
        _engine = trainer.Context.Model.CreatePredictionEngine<TrainingRow, Scored>(model, inputSchemaDefinition: TrainingRowSchema(_dimension));
        var policy = new EligibilityPolicy(new KeywordComplaintClassifier(), PilotOptions.Beijing2026(), TimeProvider.System, GrowthReference.LoadShared(AppContext.BaseDirectory));
        _reading = policy.Read(new ComplaintInput { Text = "宝宝8个月，脸上湿疹两周了，不发烧，吃奶睡觉都好" });
        _features = _featurizer.Featurize(_reading);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _onnx.Dispose();
        _engine.Dispose();
    }

    [Benchmark]
    public SparseFeatures FeaturizeOnly() => _featurizer.Featurize(_reading);

    [Benchmark]
    public float[][] ScoreOnlyOnnx() => _onnx.Score(_features);

    [Benchmark(Baseline = true)]
    public float[][] FeaturizeAndScoreOnnx() => _onnx.Score(_featurizer.Featurize(_reading));

    [Benchmark]
    public float[] FeaturizeAndScoreMlNetPredictionEngine() =>
        _engine.Predict(TrainingRow.From("online", 1f, _featurizer.Featurize(_reading), _dimension)).Score;

    private static Microsoft.ML.Data.SchemaDefinition TrainingRowSchema(int dimension)
    {
        var schema = Microsoft.ML.Data.SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Features)].ColumnType = new Microsoft.ML.Data.VectorDataViewType(Microsoft.ML.Data.NumberDataViewType.Single, dimension);
        return schema;
    }

    internal static string FindModels()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "models", ModelFolder.CurrentFile)))
            {
                return Path.Combine(dir.FullName, "models");
            }
        }

        throw new InvalidOperationException("models/current not found");
    }
}
