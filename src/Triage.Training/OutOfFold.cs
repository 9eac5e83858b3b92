namespace Triage.Training;

/// <summary>
/// Out-of-fold logits of every real record, from the model of the fold that held out its source:
/// per head, in that head's label order (a label a fold never saw has a very low logit).
/// </summary>
/// <param name="Labels">Each head's labels, sorted (as ML.NET orders keys).</param>
/// <param name="Logits">Each record's logits per head.</param>
public sealed record OutOfFold(IReadOnlyDictionary<string, IReadOnlyList<string>> Labels, IReadOnlyDictionary<TrainingRecord, double[][]> Logits);
