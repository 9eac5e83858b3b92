using Triage.Domain.Classification;
using Triage.Domain.Evaluation;

namespace Triage.Training;

/// <summary>What a training run produced: the model version's folder and the figures it was judged by.</summary>
/// <param name="Folder">The new version's folder (ONNX model, ML.NET models, model card).</param>
/// <param name="CrossSource">Every real record decided leave-one-source-out.</param>
/// <param name="Validation">The validation split decided by the served model.</param>
/// <param name="Thresholds">The thresholds the served model decides with.</param>
public sealed record TrainingResult(string Folder, EvaluationReport CrossSource, EvaluationReport Validation, DecisionThresholds Thresholds);
