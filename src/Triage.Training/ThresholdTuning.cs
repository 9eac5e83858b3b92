using Triage.Domain.Classification;
using Triage.Domain.Evaluation;

namespace Triage.Training;

/// <summary>The thresholds the tuner chose, their report, and the two trade-offs read off the same evaluations.</summary>
/// <param name="Thresholds">The chosen thresholds.</param>
/// <param name="Report">What they give on the tuning records.</param>
/// <param name="EmergencyTradeOff">Per emergency threshold, with the learned-flag threshold that serves it best.</param>
/// <param name="InPersonTradeOff">Per in-person threshold, with the online and specialty thresholds that find online cases best.</param>
public sealed record ThresholdTuning(
    DecisionThresholds Thresholds,
    EvaluationReport Report,
    IReadOnlyList<(DecisionThresholds Thresholds, EvaluationReport Report)> EmergencyTradeOff,
    IReadOnlyList<(DecisionThresholds Thresholds, EvaluationReport Report)> InPersonTradeOff);
