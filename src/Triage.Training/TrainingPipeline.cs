using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.ML;
using Triage.Models.Classification;
using Triage.Models.Decision;
using Triage.Models.Evaluation;
using Triage.Models.Features;
using Triage.Models.Growth;
using Triage.Models.Onnx;

namespace Triage.Training;

/// <summary>
/// <c>triage train</c>: featurizes the labelled data with the serving featurizer, cross-validates
/// and trains the disposition and specialty models with ML.NET, exports them to ONNX, tunes the
/// thresholds on the validation split through the ONNX models the server will load, and writes
/// the model card. Deterministic: the same data and settings give the same artifacts.
/// </summary>
public sealed class TrainingPipeline(string dataFolder, string modelsFolder, TextWriter progress)
{
    /// <summary>Regularisation (experiments only; the card records what was used).</summary>
    public (float L2, float L1) Regularization { get; init; } = (LinearModelTrainer.DefaultL2, LinearModelTrainer.DefaultL1);

    /// <summary>False skips cross-validation (quick experiments; the card then has none).</summary>
    public bool CrossValidate { get; init; } = true;

    /// <summary>Bump when training code changes what it produces, so versions never collide.</summary>
    public const string TrainerRevision = "6";

    private const int Seed = 20261201;
    private const int Folds = 5;
    private static readonly DateTimeOffset AsOf = new(2026, 6, 1, 4, 0, 0, TimeSpan.Zero);

    /// <summary>Runs the whole pipeline; returns the folder of the new model version.</summary>
    public string Run(FeatureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var files = new[] { "train.jsonl", "augment.jsonl", "validation.jsonl" };
        var hashes = files.ToDictionary(f => f, f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(dataFolder, f)))));
        var version = "maxent-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('|', hashes.OrderBy(h => h.Key).Select(h => h.Value)) + $"|{settings}|{Seed}|{Regularization}|{TrainerRevision}")))[..10];
        var folder = Path.Combine(modelsFolder, version);
        Directory.CreateDirectory(folder);

        // The measured red flags are features too: train on the growth tables the data ships with.
        var growth = GrowthReference.Load(Path.Combine(dataFolder, "growth"));

        var keyword = new EligibilityPolicy(new KeywordComplaintClassifier(), PilotOptions.Beijing2026(), TimeProvider.System, growth);
        var featurizer = new ComplaintFeaturizer(settings);
        PreparedRecord[] Prepare(string file)
        {
            var records = LabelledData.Read(Path.Combine(dataFolder, file));
            progress.WriteLine($"featurizing {file}: {records.Count} records");
            return [.. records.Select(r =>
            {
                if (!LabelNames.TryParseDisposition(r.Disposition, out var d) || !LabelNames.TryParseSpecialty(r.Specialty, out var s))
                {
                    throw new InvalidDataException($"{file}: record {r.Id} has an unknown label");
                }

                var input = new ComplaintInput { Text = r.Text };
                var (text, facts, flags) = keyword.Read(input);
                return new PreparedRecord(r, d, s, featurizer.Featurize(text, facts, flags), input);
            })];
        }

        var train = Prepare("train.jsonl");
        var augment = Prepare("augment.jsonl");
        var validation = Prepare("validation.jsonl");

        var metrics = new JsonObject();
        var cv = new JsonObject();
        foreach (var (name, label) in Targets.Where(_ => CrossValidate))
        {
            cv[name] = CrossValidateTarget(train, augment, settings.Dimension, label, name);
        }

        metrics["crossValidation"] = cv;

        foreach (var (name, label) in Targets)
        {
            progress.WriteLine($"training {name} on train + augment ({train.Length + augment.Length} rows)");
            var trainer = new LinearModelTrainer(Seed, settings.Dimension, Regularization.L2, Regularization.L1);
            var data = trainer.Load(train.Concat(augment).Select(r => TrainingRow.From(label(r), r.Features, settings.Dimension)));
            var (mlnet, linear) = trainer.Train(data);
            trainer.Context.Model.Save(mlnet, data.Schema, Path.Combine(folder, $"{name}.mlnet.zip"));
            linear.WriteOnnx(Path.Combine(folder, $"{name}.onnx"), new Dictionary<string, string> { ["model_version"] = version, ["target"] = name });
        }

        var provisional = new ModelCard
        {
            Version = version,
            Algorithm = $"ML.NET LbfgsMaximumEntropy (multiclass softmax regression, L2 {Regularization.L2}, L1 {Regularization.L1}, class-weighted, 1 thread); ONNX: Gather/MatMul/Add/Softmax, opset 13",
            DataSha256 = hashes,
            Features = settings,
            Seed = Seed,
            Thresholds = new DecisionThresholds(1.01, 1.01, 0),
            Metrics = metrics,
        };
        provisional.Write(folder);

        progress.WriteLine("tuning thresholds on the validation split through the ONNX models");
        using var onnx = new OnnxComplaintClassifier(folder);
        var policy = new EligibilityPolicy(onnx, PilotOptions.Beijing2026(), TimeProvider.System, growth);
        var prepared = validation.Select(r => (r, policy.Prepare(r.Input))).ToList();
        var (thresholds, met, report) = ThresholdTuner.Tune(policy, prepared, AsOf);
        metrics["validation"] = Report(report);
        metrics["validation"]!["targetsMet"] = met;
        metrics["validation"]!["targets"] = $"emergency recall >= {ThresholdTuner.MinEmergencyRecall}, hazardous under-triage <= {ThresholdTuner.MaxHazardous}";
        (provisional with { Thresholds = thresholds, Metrics = metrics }).Write(folder);
        progress.WriteLine($"model {version}: thresholds {thresholds}; targets met: {met}");
        progress.Write(report.Format(10));
        return folder;
    }

    private static readonly (string Name, Func<PreparedRecord, string> Label)[] Targets =
    [
        ("disposition", r => LabelNames.Of(r.Disposition)),
        ("specialty", r => LabelNames.Of(r.Specialty)),
    ];

    private JsonObject CrossValidateTarget(PreparedRecord[] train, PreparedRecord[] augment, int dimension, Func<PreparedRecord, string> label, string name)
    {
        var micro = new List<double>();
        var macro = new List<double>();
        var logLoss = new List<double>();
        for (var fold = 0; fold < Folds; fold++)
        {
            progress.WriteLine($"cross-validating {name}: fold {fold + 1}/{Folds}");
            var trainer = new LinearModelTrainer(Seed, dimension, Regularization.L2, Regularization.L1);
            var held = train.Where(r => FoldOf(r.Record.Id) == fold).ToList();
            var fit = trainer.Load(train.Where(r => FoldOf(r.Record.Id) != fold).Concat(augment).Select(r => TrainingRow.From(label(r), r.Features, dimension)));
            var (model, _) = trainer.Train(fit);
            var test = trainer.Load(held.Select(r => TrainingRow.From(label(r), r.Features, dimension)));
            var m = trainer.Context.MulticlassClassification.Evaluate(model.Transform(test));
            micro.Add(m.MicroAccuracy);
            macro.Add(m.MacroAccuracy);
            logLoss.Add(m.LogLoss);
        }

        return new JsonObject
        {
            ["folds"] = Folds,
            ["note"] = "folds of the real training split; the synthetic augment set is always in training, never in a held-out fold",
            ["microAccuracy"] = Math.Round(micro.Average(), 4),
            ["macroAccuracy"] = Math.Round(macro.Average(), 4),
            ["logLoss"] = Math.Round(logLoss.Average(), 4),
        };
    }

    private static int FoldOf(string id) => (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(id)), 0) % Folds);

    private static JsonObject Report(EvaluationReport r)
    {
        var confusion = new JsonObject();
        foreach (var e in LabelNames.Dispositions)
        {
            var row = new JsonObject();
            foreach (var a in LabelNames.Dispositions)
            {
                row[LabelNames.Of(a)] = r.Confusion(e, a);
            }

            confusion[LabelNames.Of(e)] = row;
        }

        var perClass = new JsonObject();
        foreach (var d in LabelNames.Dispositions)
        {
            perClass[LabelNames.Of(d)] = new JsonObject { ["precision"] = Math.Round(r.Precision(d), 4), ["recall"] = Math.Round(r.Recall(d), 4) };
        }

        return new JsonObject
        {
            ["records"] = r.Count,
            ["emergencyRecall"] = Math.Round(r.EmergencyRecall, 4),
            ["hazardousUnderTriage"] = Math.Round(r.HazardousUnderTriage, 4),
            ["hazardousUnderTriageWilsonUpper95"] = Math.Round(r.HazardousUnderTriageUpper95, 4),
            ["onlineRecall"] = Math.Round(r.OnlineRecall, 4),
            ["specialtyAccuracy"] = Math.Round(r.SpecialtyAccuracy, 4),
            ["dispositionAccuracy"] = Math.Round(r.DispositionAccuracy, 4),
            ["perClass"] = perClass,
            ["confusion"] = confusion,
        };
    }
}
