using Triage.Models.Evaluation;
using Triage.Models.Facts;
using Triage.Models.Features;
using Triage.Models.Onnx;
using Triage.Models.RedFlags;
using Triage.Models.Text;

namespace Triage.Models.Classification;

/// <summary>
/// The trained classifiers served through ONNX Runtime: one shared session per model (disposition,
/// specialty), the shared featurizer, and the model card's version and thresholds. The weights
/// are also held in managed form to explain each decision by its strongest features.
/// </summary>
public sealed class OnnxComplaintClassifier : IComplaintClassifier, IDisposable
{
    /// <summary>The disposition model's file name in a model folder.</summary>
    public const string DispositionFile = "disposition.onnx";

    /// <summary>The specialty model's file name in a model folder.</summary>
    public const string SpecialtyFile = "specialty.onnx";

    private const int MaxExplanation = 8;
    private readonly OnnxLinearScorer _disposition;
    private readonly OnnxLinearScorer _specialty;
    private readonly LinearSoftmaxModel _dispositionWeights;
    private readonly int[] _dispositionSlots;
    private readonly int[] _specialtySlots;

    /// <summary>Loads the model version in <paramref name="folder"/>.</summary>
    public OnnxComplaintClassifier(string folder)
    {
        Card = ModelCard.Read(folder);
        Featurizer = new ComplaintFeaturizer(Card.Features);
        _disposition = new OnnxLinearScorer(Path.Combine(folder, DispositionFile));
        _specialty = new OnnxLinearScorer(Path.Combine(folder, SpecialtyFile));
        _dispositionWeights = LinearSoftmaxModel.ReadOnnx(Path.Combine(folder, DispositionFile));
        _dispositionSlots = [.. _disposition.Labels.Select(l => LabelNames.TryParseDisposition(l, out var d) ? (int)d : throw new InvalidDataException($"unknown disposition label {l}"))];
        _specialtySlots = [.. _specialty.Labels.Select(l => LabelNames.TryParseSpecialty(l, out var s) ? (int)s : throw new InvalidDataException($"unknown specialty label {l}"))];
    }

    /// <summary>The model card.</summary>
    public ModelCard Card { get; }

    /// <summary>The featurizer the models were trained with.</summary>
    public ComplaintFeaturizer Featurizer { get; }

    /// <inheritdoc />
    public string Version => Card.Version;

    /// <inheritdoc />
    public DecisionThresholds Thresholds => Card.Thresholds;

    /// <inheritdoc />
    public ComplaintClassification Classify(NormalizedText text, ComplaintFacts facts, IReadOnlyList<RedFlagFinding> redFlags)
    {
        var features = Featurizer.Featurize(text, facts, redFlags);
        var dispositions = Arrange(_disposition.Score(features), _dispositionSlots, 5);
        var specialties = Arrange(_specialty.Score(features), _specialtySlots, 4);
        return new ComplaintClassification
        {
            Dispositions = dispositions,
            Specialties = specialties,
            Explainer = d => Explain(text, facts, redFlags, features, Array.IndexOf(_dispositionSlots, (int)d)),
            HasClinicalContent = KeywordLexicon.ClinicalContent.IsMatch(text.Value) || specialties[(int)Specialty.Other] < 0.5,
        };
    }

    /// <summary>The raw scores of both models, in each model's own label order (for parity tests and benchmarks).</summary>
    public (float[] Disposition, float[] Specialty) Score(SparseFeatures features) => (_disposition.Score(features), _specialty.Score(features));

    /// <inheritdoc />
    public void Dispose()
    {
        _disposition.Dispose();
        _specialty.Dispose();
    }

    private static double[] Arrange(float[] scores, int[] slots, int size)
    {
        var result = new double[size];
        for (var i = 0; i < scores.Length; i++)
        {
            result[slots[i]] = scores[i];
        }

        return result;
    }

    // The features that pushed the chosen disposition most: weight times value, named by a second,
    // name-collecting pass of the featurizer (only the winners are looked up).
    private List<FeatureContribution> Explain(NormalizedText text, ComplaintFacts facts, IReadOnlyList<RedFlagFinding> redFlags, SparseFeatures features, int modelClass)
    {
        var label = _disposition.Labels[modelClass];
        var strongest = Enumerable.Range(0, features.Indices.Length)
            .Select(k => (Index: features.Indices[k], Weight: (double)_dispositionWeights.Weight(features.Indices[k], modelClass) * features.Values[k]))
            .OrderByDescending(c => Math.Abs(c.Weight))
            .Take(MaxExplanation)
            .ToList();
        var names = new Dictionary<int, string>();
        Featurizer.Featurize(text, facts, redFlags, names);
        return [.. strongest.Select(c => new FeatureContribution(names.GetValueOrDefault(c.Index, $"#{c.Index}"), $"disposition:{label}", Math.Round(c.Weight, 4)))];
    }
}
