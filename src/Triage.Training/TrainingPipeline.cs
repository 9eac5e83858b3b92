using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Evaluation;
using Triage.Domain.Growth;
using Triage.Domain.Vocabulary;
using Triage.Models.Classification;
using Triage.Models.Features;
using Triage.Models.Onnx;

namespace Triage.Training;

/// <summary>
/// <c>triage train</c>: reads the labelled data through the serving reader and featurizer, measures
/// the whole decision by leave-one-source-out cross-validation (calibration and thresholds fitted
/// on the other sources only), calibrates on the out-of-fold predictions of every real record,
/// tunes the thresholds on them, trains the served heads with ML.NET on the train split and the
/// augment set, folds the calibration into the weights, exports one ONNX model and writes the model
/// card. The same data and settings give the same version, thresholds and figures.
/// </summary>
public sealed class TrainingPipeline(string dataFolder, string modelsFolder, TextWriter progress)
{
    /// <summary>Bump when training code changes what it produces, so versions never collide.</summary>
    public const string TrainerRevision = "12";

    private const int Seed = 20261201;
    private IReadOnlySet<int> _safetyNetExcluded = new HashSet<int>();
    private static readonly DateTimeOffset AsOf = new(2026, 6, 1, 4, 0, 0, TimeSpan.Zero);

    /// <summary>Regularisation (experiments only; the card records what was used).</summary>
    public (float L2, float L1) Regularization { get; init; } = (LinearModelTrainer.DefaultL2, LinearModelTrainer.DefaultL1);

    /// <summary>False skips the ML.NET model files beside the ONNX model (experiments).</summary>
    public bool WriteMlNetModels { get; init; } = true;

    /// <summary>Experiments: a file to write every real record's out-of-fold scores to (ids and numbers, no text).</summary>
    public string? OutOfFoldDump { get; init; }

    /// <summary>Runs the whole pipeline; returns the folder of the new model version and its figures.</summary>
    public TrainingResult Run(FeatureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        TrainingMachine.RequireReproducibleVectors();
        var vocabulary = ClinicalVocabulary.Default;
        var featurizer = new ComplaintFeaturizer(settings);
        var hashes = TrainingCorpus.Files.ToDictionary(f => f, f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(dataFolder, f)))));
        var version = "maxent-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('|', hashes.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => h.Value))
            + $"|{settings}|{vocabulary.Version}|{KeywordLexicon.Version}|{(featurizer.Segmenter is { } s ? s.Words : 0)}|{Seed}|{Regularization}|{TrainerRevision}")))[..10];
        var corpus = TrainingCorpus.Load(dataFolder, featurizer, vocabulary, progress);
        var policy = new EligibilityPolicy(new KeywordComplaintClassifier(), PilotOptions.Beijing2026(), TimeProvider.System, GrowthReference.Load(Path.Combine(dataFolder, "growth")), vocabulary);

        _safetyNetExcluded = ModelHeads.SafetyNetExcluded(featurizer);
        LinearHead Train(string head, IEnumerable<TrainingRecord> records) => Fit(head, records, settings.Dimension).Head;
        var oof = CrossSourceValidation.Run(corpus.Real, corpus.Augment, Train, progress);

        progress.WriteLine("leave-one-source-out: calibration and thresholds fitted on the other sources, decisions on the one left out");
        var crossSource = CrossSource(corpus, oof, policy, version);

        var calibration = Calibration.Fit(oof, corpus.Real);
        var prepared = corpus.Real.Select(r => (r, calibration.Prepare(oof, r, version))).ToList();
        var (thresholds, tuning, tradeOff, inPerson) = ThresholdTuner.TuneWithTradeOffs(policy, prepared, AsOf);
        if (OutOfFoldDump is { } dump)
        {
            File.WriteAllLines(dump, prepared.Select(x => string.Create(CultureInfo.InvariantCulture,
                $"{x.r.Record.Id}\t{x.r.Source}\t{LabelNames.Of(x.r.Disposition)}\t{string.Join(',', x.r.RedFlags.Select(Triage.Domain.RedFlags.RedFlagTags.Name))}\t{x.Item2.Classification.EmergencyScore:F4}\t{x.Item2.Classification.RedFlags.Where((_, i) => Triage.Domain.RedFlags.RedFlagTags.Severity((Triage.Domain.RedFlags.RedFlagTag)i) == Triage.Domain.RedFlags.RedFlagSeverity.Emergency).Sum():F4}\t{string.Join(',', x.r.Reading.RedFlags.Where(f => f.Affirmed).Select(f => Triage.Domain.RedFlags.RedFlagTags.Name(f.Tag)))}\t{LabelNames.Of(x.r.Specialty)}\t{string.Join(',', x.Item2.Classification.Specialties.Select(p => p.ToString("F4", CultureInfo.InvariantCulture)))}\t{string.Join(',', new KeywordComplaintClassifier().Classify(x.r.Reading).Specialties.Select(p => p.ToString("F4", CultureInfo.InvariantCulture)))}\t{LabelNames.Of(policy.Decide(x.Item2, x.r.Input, thresholds, AsOf).Disposition)}")));
        }
        progress.WriteLine("what each emergency threshold costs on the out-of-fold predictions (emergency threshold, learned-flag threshold: recall, non-emergencies sent to emergency):");
        foreach (var (t, r) in tradeOff)
        {
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {t.Emergency:F4}, {t.RedFlag:F2}: {r.EmergencyRecall:F3}, {r.FalseAlarmRate:F3}, online recall {r.OnlineRecall:F3}"));
        }
        progress.WriteLine($"thresholds tuned on the out-of-fold predictions of all {corpus.Real.Count} real records: {thresholds}");
        progress.WriteLine("what online recall costs on the out-of-fold predictions (in-person threshold, online threshold: hazardous under-triage, online recall, online precision):");
        foreach (var (t, r) in inPerson)
        {
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {t.Offline:F2}, {t.Online:F2}: {r.HazardousUnderTriage:F3} ({r.HazardousCount}), {r.OnlineRecall:F3}, {r.OnlinePrecision:F3}"));
        }

        var folder = Path.Combine(modelsFolder, version);
        Directory.CreateDirectory(folder);
        var heads = new List<LinearHead>();
        foreach (var name in ModelHeads.Names)
        {
            progress.WriteLine($"training the served {name} head on train + augment ({corpus.Train.Count + corpus.Augment.Count} records)");
            var (mlnet, head) = Fit(name, corpus.Train.Concat(corpus.Augment), settings.Dimension, WriteMlNetModels ? Path.Combine(folder, $"{name}.mlnet.zip") : null);
            var scaling = calibration.Heads[name];
            heads.Add(head.Scaled(scaling.Scale, [.. head.Labels.Select(l => scaling.Shift[calibration.Labels[name].ToList().IndexOf(l)])]));
        }

        new LinearSoftmaxModel(settings.Dimension, heads).WriteOnnx(Path.Combine(folder, OnnxComplaintClassifier.ModelFile), new Dictionary<string, string> { ["model_version"] = version });
        var card = new ModelCard
        {
            Version = version,
            Algorithm = $"ML.NET LbfgsMaximumEntropy per head (disposition, specialty, learned red flags: L2 {Regularization.L2}; the emergency safety net, learnt from complaints without a vocabulary emergency flag: L2 {ModelHeads.SafetyNetL2}; class-weighted, 1 thread), calibrated by vector scaling on leave-one-source-out predictions; ONNX: Gather/Gemm to every head's logits (softmax per head in the reader), opset 13",
            DataSha256 = hashes,
            Features = settings,
            Vocabulary = vocabulary.Version,
            Lexicon = KeywordLexicon.Version,
            Seed = Seed,
            Thresholds = thresholds,
            Calibration = new JsonObject(calibration.Heads.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)new JsonObject
            {
                ["labels"] = new JsonArray([.. calibration.Labels[h.Key].Select(l => (JsonNode)l)]),
                ["scale"] = h.Value.Scale,
                ["shift"] = new JsonArray([.. h.Value.Shift.Select(x => (JsonNode)x)]),
            }))),
            Metrics = [],
            Machine = TrainingMachine.Describe(),
        };
        card.Write(folder);

        progress.WriteLine("validation split, through the exported ONNX model");
        using var onnx = new OnnxComplaintClassifier(folder);
        var served = new EligibilityPolicy(onnx, PilotOptions.Beijing2026(), TimeProvider.System, policy.Growth, vocabulary);
        var validation = new EvaluationReport();
        foreach (var r in corpus.Validation)
        {
            var d = served.Decide(served.Prepare(r.Input), r.Input, thresholds, AsOf);
            validation.Add(r.Record.Id, r.Disposition, d.Disposition, r.Specialty, d.Specialty);
        }

        var rulesAlone = new JsonObject(corpus.Sources.Select(s => KeyValuePair.Create(s, (JsonNode?)Figures(Evaluate(policy, corpus.Real.Where(r => r.Source == s))))));
        rulesAlone["pooled"] = Figures(Evaluate(policy, corpus.Real));
        var metrics = new JsonObject
        {
            ["crossSource"] = crossSource.Json,
            ["outOfFold"] = new JsonObject
            {
                ["note"] = "all real records' out-of-fold predictions with the shipped calibration and thresholds (tuned on these same predictions: optimistic; the crossSource figures are the honest ones)",
                ["figures"] = Figures(tuning),
                ["emergencyTradeOff"] = new JsonArray([.. tradeOff.Select(x => (JsonNode)new JsonObject
                {
                    ["emergencyThreshold"] = x.Thresholds.Emergency,
                    ["redFlagThreshold"] = x.Thresholds.RedFlag,
                    ["emergencyRecall"] = Math.Round(x.Report.EmergencyRecall, 4),
                    ["nonEmergenciesSentToEmergency"] = Math.Round(x.Report.FalseAlarmRate, 4),
                })]),
                ["inPersonTradeOff"] = new JsonArray([.. inPerson.Select(x => (JsonNode)new JsonObject
                {
                    ["offlineThreshold"] = x.Thresholds.Offline,
                    ["onlineThreshold"] = x.Thresholds.Online,
                    ["specialtyThreshold"] = x.Thresholds.Specialty,
                    ["hazardousUnderTriage"] = Math.Round(x.Report.HazardousUnderTriage, 4),
                    ["hazardousCount"] = x.Report.HazardousCount,
                    ["onlineRecall"] = Math.Round(x.Report.OnlineRecall, 4),
                    ["onlinePrecision"] = Math.Round(x.Report.OnlinePrecision, 4),
                })]),
                ["emergencyReliability"] = new JsonArray([.. calibration.EmergencyReliability(oof, corpus.Real).Select(b => (JsonNode)new JsonObject
                {
                    ["from"] = b.From, ["to"] = b.To, ["records"] = b.Count, ["predicted"] = Math.Round(b.Predicted, 4), ["observed"] = Math.Round(b.Observed, 4),
                })]),
            },
            ["validation"] = Figures(validation),
            ["rulesAlone"] = rulesAlone,
            ["targets"] = Targets(),
        };
        (card with { Metrics = metrics }).Write(folder);
        progress.WriteLine($"model {version}: thresholds {thresholds}");
        progress.Write(crossSource.Table);
        progress.WriteLine("validation (792 real records; served model trained on train + augment):");
        progress.Write(validation.Format(10));
        return new TrainingResult(folder, crossSource.Pooled, validation, thresholds);
    }

    /// <summary>Trains one head with ML.NET; saves the ML.NET model when <paramref name="save"/> names a file.</summary>
    private (Microsoft.ML.ITransformer MlNet, LinearHead Head) Fit(string head, IEnumerable<TrainingRecord> records, int dimension, string? save = null)
    {
        var trainer = new LinearModelTrainer(Seed, dimension, head == OnnxComplaintClassifier.EmergencyHead ? ModelHeads.SafetyNetL2 : Regularization.L2, Regularization.L1);
        var data = trainer.Load(records.SelectMany(r => ModelHeads.Rows(head, r).Select(x => TrainingRow.From(x.Label, x.Weight, ModelHeads.Features(head, r, _safetyNetExcluded), dimension))));
        var result = trainer.Train(head, data);
        if (save is not null)
        {
            trainer.Context.Model.Save(result.MlNet, data.Schema, save);
        }

        return result;
    }

    // Each source decided by calibration and thresholds fitted without it: the figures a new source's complaints can expect.
    private CrossSourceResult CrossSource(TrainingCorpus corpus, OutOfFold oof, EligibilityPolicy policy, string version)
    {
        var pooled = new EvaluationReport();
        var validationOnly = new EvaluationReport();
        var perSource = new JsonObject();
        var table = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        table.AppendLine("| held-out source | records | emergencies | emergency recall | hazardous under-triage | non-emergencies sent to emergency | online recall | specialty accuracy (online) |");
        table.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var source in corpus.Sources)
        {
            var others = corpus.Real.Where(r => r.Source != source).ToList();
            var calibration = Calibration.Fit(oof, others);
            var (thresholds, _) = ThresholdTuner.Tune(policy, [.. others.Select(r => (r, calibration.Prepare(oof, r, version)))], AsOf);
            var report = new EvaluationReport();
            foreach (var r in corpus.Real.Where(r => r.Source == source))
            {
                var d = policy.Decide(calibration.Prepare(oof, r, version), r.Input, thresholds, AsOf);
                report.Add(r.Record.Id, r.Disposition, d.Disposition, r.Specialty, d.Specialty);
                pooled.Add(r.Record.Id, r.Disposition, d.Disposition, r.Specialty, d.Specialty);
                if (r.Split == "validation")
                {
                    validationOnly.Add(r.Record.Id, r.Disposition, d.Disposition, r.Specialty, d.Specialty);
                }
            }

            progress.WriteLine($"  {source}: thresholds {thresholds}");
            var figures = Figures(report);
            figures["thresholds"] = $"{thresholds}";
            perSource[source] = figures;
            table.AppendLine(c, $"| {source} | {Row(report)} |");
        }

        table.AppendLine(c, $"| **all sources** | {Row(pooled)} |");
        return new CrossSourceResult(
            new JsonObject
            {
                ["method"] = "leave one source out: each source's records decided by heads trained on the other sources' real records and the augment set, calibrated and thresholded on the other sources' out-of-fold predictions",
                ["pooled"] = Figures(pooled),
                ["validationRecords"] = Figures(validationOnly),
                ["perSource"] = perSource,
            },
            pooled,
            table.ToString());

        static string Row(EvaluationReport r) => string.Create(CultureInfo.InvariantCulture,
            $"{r.Count} | {r.EmergencyCount} | {r.EmergencyRecall:F3} | {r.HazardousUnderTriage:F3} ({r.HazardousCount}/{r.UnsafeForOnlineCount}, upper {r.HazardousUnderTriageUpper95:F3}) | {r.FalseAlarmRate:F3} ({r.FalseAlarmCount}/{r.NonEmergencyCount}) | {r.OnlineRecall:F3} | {r.OnlineSpecialtyAccuracy:F3}");
    }

    private static EvaluationReport Evaluate(EligibilityPolicy rules, IEnumerable<TrainingRecord> records)
    {
        var report = new EvaluationReport();
        foreach (var r in records)
        {
            var d = rules.Decide(rules.Prepare(r.Input), r.Input, rules.Classifier.Thresholds, AsOf);
            report.Add(r.Record.Id, r.Disposition, d.Disposition, r.Specialty, d.Specialty);
        }

        return report;
    }

    private static JsonObject Targets() => new()
    {
        ["emergencyRecall"] = $">= {ThresholdTuner.MinEmergencyRecall}",
        ["hazardousUnderTriage"] = $"<= {ThresholdTuner.MaxHazardous}",
        ["nonEmergenciesSentToEmergency"] = $"<= {ThresholdTuner.MaxFalseAlarm}",
        ["onlineRecall"] = $">= {ThresholdTuner.MinOnlineRecall}",
        ["onlineSpecialtyAccuracy"] = $">= {ThresholdTuner.MinOnlineSpecialtyAccuracy}",
    };

    /// <summary>The figures every model or policy change reports, as the card stores them.</summary>
    public static JsonObject Figures(EvaluationReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var confusion = new JsonObject();
        foreach (var e in LabelNames.Dispositions)
        {
            confusion[LabelNames.Of(e)] = new JsonObject(LabelNames.Dispositions.Select(a => KeyValuePair.Create(LabelNames.Of(a), (JsonNode?)r.Confusion(e, a))));
        }

        return new JsonObject
        {
            ["records"] = r.Count,
            ["emergencies"] = r.EmergencyCount,
            ["emergencyRecall"] = Math.Round(r.EmergencyRecall, 4),
            ["hazardousUnderTriage"] = Math.Round(r.HazardousUnderTriage, 4),
            ["hazardousCount"] = r.HazardousCount,
            ["hazardousUnderTriageWilsonUpper95"] = Math.Round(r.HazardousUnderTriageUpper95, 4),
            ["nonEmergenciesSentToEmergency"] = Math.Round(r.FalseAlarmRate, 4),
            ["falseAlarms"] = r.FalseAlarmCount,
            ["onlineRecall"] = Math.Round(r.OnlineRecall, 4),
            ["onlineSpecialtyAccuracy"] = Math.Round(r.OnlineSpecialtyAccuracy, 4),
            ["specialtyAccuracy"] = Math.Round(r.SpecialtyAccuracy, 4),
            ["dispositionAccuracy"] = Math.Round(r.DispositionAccuracy, 4),
            ["confusion"] = confusion,
        };
    }

    private sealed record CrossSourceResult(JsonObject Json, EvaluationReport Pooled, string Table);
}
