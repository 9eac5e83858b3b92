using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Evaluation;
using Triage.Domain.Growth;
using Triage.Domain.RedFlags;
using Triage.Domain.Vocabulary;
using Triage.Models.Features;

namespace Triage.Training;

/// <summary>
/// The labelled data, read once through the serving policy's reader and featurizer: the real
/// questions (train and validation, each with its source) and the written augment set, which is
/// only ever trained on.
/// </summary>
public sealed class TrainingCorpus
{
    /// <summary>The data files, in the order their hashes enter a model's version.</summary>
    public static readonly IReadOnlyList<string> Files = ["augment.jsonl", "train.jsonl", "validation.jsonl"];

    private TrainingCorpus(IReadOnlyList<TrainingRecord> train, IReadOnlyList<TrainingRecord> validation, IReadOnlyList<TrainingRecord> augment)
    {
        Train = train;
        Validation = validation;
        Augment = augment;
    }

    /// <summary>The real training split.</summary>
    public IReadOnlyList<TrainingRecord> Train { get; }

    /// <summary>The real validation split.</summary>
    public IReadOnlyList<TrainingRecord> Validation { get; }

    /// <summary>The written examples of rare classes: training only, never in a reported figure.</summary>
    public IReadOnlyList<TrainingRecord> Augment { get; }

    /// <summary>Every real record, train then validation.</summary>
    public IReadOnlyList<TrainingRecord> Real => [.. Train, .. Validation];

    /// <summary>The sources of the real records, in order.</summary>
    public IReadOnlyList<string> Sources => [.. Real.Select(r => r.Source).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Reads and featurizes the three files of <paramref name="dataFolder"/>.</summary>
    public static TrainingCorpus Load(string dataFolder, ComplaintFeaturizer featurizer, ClinicalVocabulary vocabulary, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentNullException.ThrowIfNull(progress);
        // The measured red flags are features too: read with the growth tables the data ships with.
        var reader = new EligibilityPolicy(new KeywordComplaintClassifier(), PilotOptions.Beijing2026(), TimeProvider.System, GrowthReference.Load(Path.Combine(dataFolder, "growth")), vocabulary);
        IReadOnlyList<TrainingRecord> Read(string file)
        {
            var split = Path.GetFileNameWithoutExtension(file);
            var records = LabelledData.Read(Path.Combine(dataFolder, file));
            progress.WriteLine($"reading {file}: {records.Count} records");
            return [.. records.Select(r =>
            {
                var reading = reader.Read(new ComplaintInput { Text = r.Text });
                return new TrainingRecord(
                    r,
                    split,
                    LabelNames.ParseDisposition(r.Disposition),
                    LabelNames.ParseSpecialty(r.Specialty),
                    [.. r.RedFlags.Select(RedFlagTags.Parse)],
                    reading,
                    featurizer.Featurize(reading));
            })];
        }

        return new TrainingCorpus(Read("train.jsonl"), Read("validation.jsonl"), Read("augment.jsonl"));
    }
}
