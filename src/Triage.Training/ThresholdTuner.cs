using Triage.Models.Classification;
using Triage.Models.Decision;
using Triage.Models.Evaluation;

namespace Triage.Training;

/// <summary>
/// Picks the decision thresholds on the validation split, safety first: among the thresholds whose
/// emergency recall is at least <see cref="MinEmergencyRecall"/> and hazardous under-triage at most
/// <see cref="MaxHazardous"/>, the one that keeps the most online cases online. When none meets
/// both, the safest (highest recall, then lowest hazard) is taken and the card says so.
/// </summary>
public static class ThresholdTuner
{
    /// <summary>The emergency recall required.</summary>
    public const double MinEmergencyRecall = 0.98;

    /// <summary>The hazardous under-triage allowed.</summary>
    public const double MaxHazardous = 0.02;

    private static readonly double[] EmergencyGrid = [0.001, 0.002, 0.003, 0.005, 0.01, 0.015, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];
    private static readonly double[] OfflineGrid = [0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.8, 1.01];
    private static readonly double[] OnlineGrid = [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7];

    /// <summary>The chosen thresholds, whether they meet the targets, and the report they give.</summary>
    public static (DecisionThresholds Thresholds, bool TargetsMet, EvaluationReport Report) Tune(
        EligibilityPolicy policy, IReadOnlyList<(PreparedRecord Record, PreparedComplaint Prepared)> validation, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(validation);
        (DecisionThresholds T, EvaluationReport R)? best = null;
        (DecisionThresholds T, EvaluationReport R)? safest = null;
        foreach (var e in EmergencyGrid)
        {
            foreach (var o in OfflineGrid)
            {
                foreach (var n in OnlineGrid)
                {
                    var thresholds = new DecisionThresholds(e, o, n);
                    var report = Evaluate(policy, validation, thresholds, asOf);
                    if (report.EmergencyRecall >= MinEmergencyRecall && report.HazardousUnderTriage <= MaxHazardous)
                    {
                        if (best is null || Better(report, best.Value.R))
                        {
                            best = (thresholds, report);
                        }
                    }
                    else if (safest is null || Safer(report, safest.Value.R))
                    {
                        safest = (thresholds, report);
                    }
                }
            }
        }

        return best is { } b ? (b.T, true, b.R) : (safest!.Value.T, false, safest.Value.R);
    }

    /// <summary>The report of the policy with <paramref name="thresholds"/> over prepared records.</summary>
    public static EvaluationReport Evaluate(EligibilityPolicy policy, IReadOnlyList<(PreparedRecord Record, PreparedComplaint Prepared)> records, DecisionThresholds thresholds, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(records);
        var report = new EvaluationReport();
        foreach (var (record, prepared) in records)
        {
            var d = policy.Decide(prepared, record.Input, thresholds, asOf);
            report.Add(record.Record.Id, record.Disposition, d.Disposition, record.Specialty, d.Specialty);
        }

        return report;
    }

    private static bool Better(EvaluationReport a, EvaluationReport b) =>
        a.OnlineRecall > b.OnlineRecall
        || (a.OnlineRecall == b.OnlineRecall && (a.HazardousUnderTriage < b.HazardousUnderTriage
            || (a.HazardousUnderTriage == b.HazardousUnderTriage && a.DispositionAccuracy > b.DispositionAccuracy)));

    private static bool Safer(EvaluationReport a, EvaluationReport b) =>
        a.EmergencyRecall > b.EmergencyRecall
        || (a.EmergencyRecall == b.EmergencyRecall && (a.HazardousUnderTriage < b.HazardousUnderTriage
            || (a.HazardousUnderTriage == b.HazardousUnderTriage && a.OnlineRecall > b.OnlineRecall)));
}
