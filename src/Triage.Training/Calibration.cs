using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Models.Classification;

namespace Triage.Training;

/// <summary>The vector scaling of each head, with the labels it applies to, and what it makes of out-of-fold logits.</summary>
/// <param name="Labels">Each head's labels, in the order of its logits.</param>
/// <param name="Heads">Each head's scaling.</param>
public sealed record Calibration(IReadOnlyDictionary<string, IReadOnlyList<string>> Labels, IReadOnlyDictionary<string, VectorScaling> Heads)
{
    /// <summary>Fits every head's scaling on the out-of-fold logits of <paramref name="records"/>.</summary>
    public static Calibration Fit(OutOfFold oof, IEnumerable<TrainingRecord> records)
    {
        ArgumentNullException.ThrowIfNull(oof);
        var list = records.ToList();
        var heads = new Dictionary<string, VectorScaling>();
        for (var h = 0; h < ModelHeads.Names.Count; h++)
        {
            var name = ModelHeads.Names[h];
            // The specialty is an argmax, not a threshold: its class weights make the rarer pilot
            // specialties win close calls, and calibrating them away cost 0.3 of specialty accuracy on online cases.
            if (name == Triage.Models.Classification.OnnxComplaintClassifier.SpecialtyHead)
            {
                heads[name] = VectorScaling.Identity(oof.Labels[name].Count);
                continue;
            }

            var applies = list.Where(r => ModelHeads.Applies(name, r)).ToList();
            heads[name] = VectorScaling.Fit([.. applies.Select(r => oof.Logits[r][h])], [.. applies.Select(r => ModelHeads.Target(name, r, oof.Labels[name]))]);
        }

        return new Calibration(oof.Labels, heads);
    }

    /// <summary>A record prepared for the policy from its out-of-fold logits, calibrated.</summary>
    public PreparedComplaint Prepare(OutOfFold oof, TrainingRecord record, string modelVersion)
    {
        ArgumentNullException.ThrowIfNull(oof);
        ArgumentNullException.ThrowIfNull(record);
        double[] Probabilities(int h)
        {
            var name = ModelHeads.Names[h];
            return OnnxComplaintClassifier.Arrange(Heads[name].Probabilities(oof.Logits[record][h]), OnnxComplaintClassifier.Slots(name, Labels[name]), name);
        }

        return new PreparedComplaint(record.Reading, OnnxComplaintClassifier.Classification(record.Reading, Probabilities(0), Probabilities(1), Probabilities(2), Probabilities(3)[0], null), modelVersion);
    }

    /// <summary>
    /// Reliability of the safety net's emergency probability on the given records the vocabulary found no emergency sign in: per band of predicted probability, how many
    /// records, the mean prediction and the share that were emergencies.
    /// </summary>
    public IReadOnlyList<(double From, double To, int Count, double Predicted, double Observed)> EmergencyReliability(OutOfFold oof, IEnumerable<TrainingRecord> records)
    {
        double[] bands = [0, 0.02, 0.05, 0.1, 0.2, 0.4, 0.7, 1.0001];
        var rows = records.Where(r => ModelHeads.Applies(OnnxComplaintClassifier.EmergencyHead, r))
            .Select(r => (P: Prepare(oof, r, string.Empty).Classification.EmergencyScore, Emergency: r.Disposition == Disposition.Emergency)).ToList();
        return [.. bands.Zip(bands.Skip(1)).Select(b =>
        {
            var inBand = rows.Where(x => x.P >= b.First && x.P < b.Second).ToList();
            return (b.First, Math.Min(1, b.Second), inBand.Count, inBand.Count == 0 ? 0 : inBand.Average(x => x.P), inBand.Count == 0 ? 0 : inBand.Count(x => x.Emergency) / (double)inBand.Count);
        })];
    }
}
