using Triage.Domain.Classification;
using Triage.Domain.Evaluation;
using Triage.Domain.RedFlags;
using Triage.Models.Classification;
using Triage.Models.Features;

namespace Triage.Training;

/// <summary>
/// What each head of the model learns from a record: the disposition, the specialty, and the
/// red-flag tags the readers labelled (one row per tag, "none" without one), with class weights
/// that make the rare, dangerous classes count more. Calibration afterwards gives the probabilities
/// back their true scale.
/// </summary>
public static class ModelHeads
{
    /// <summary>
    /// The tags the red-flag head learns: emergency tags with at least 10 labelled examples. Rarer
    /// ones would be learnt from a handful of written examples, and an offline tag the model alone
    /// raises adds nothing the disposition head's P(offline) does not.
    /// </summary>
    public static readonly IReadOnlySet<RedFlagTag> LearnedTags = new HashSet<RedFlagTag>
    {
        RedFlagTag.InfantFever, RedFlagTag.FeverPurpura, RedFlagTag.Breathing, RedFlagTag.Seizure, RedFlagTag.Consciousness, RedFlagTag.Dehydration,
        RedFlagTag.GiBleedVomiting, RedFlagTag.Ingestion, RedFlagTag.TraumaBurn, RedFlagTag.Anaphylaxis, RedFlagTag.Kawasaki,
    };

    /// <summary>The heads, in the model's output order.</summary>
    public static readonly IReadOnlyList<string> Names = [OnnxComplaintClassifier.DispositionHead, OnnxComplaintClassifier.SpecialtyHead, OnnxComplaintClassifier.RedFlagHead, OnnxComplaintClassifier.EmergencyHead];

    /// <summary>
    /// L2 of the safety net: ten times the other heads'. Learnt from the few emergencies the
    /// vocabulary misses, it must not memorise them; measured leave-one-source-out, it then ranks
    /// unseen ones better (AUC 0.76 against 0.66 for the disposition head's P(emergency)).
    /// </summary>
    public const float SafetyNetL2 = 1e-2f;

    /// <summary>
    /// The features the safety net does not learn from: red flags found but not acted on (denied,
    /// history, someone else's). A parent who writes "不发烧" is often one who is worried, and a head
    /// learning that would rate an eczema with "no fever" as a likelier emergency; a denial must
    /// never raise the risk. Left out of its training rows, their weights stay zero.
    /// </summary>
    public static IReadOnlySet<int> SafetyNetExcluded(ComplaintFeaturizer featurizer)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        return new HashSet<int>(
            from tag in RedFlagTags.All
            from status in Enum.GetValues<RedFlagStatus>()
            where status != RedFlagStatus.Affirmed
            select featurizer.IndexOf(ComplaintFeaturizer.FlagKind(status), RedFlagTags.Name(tag)));
    }

    /// <summary>A record's features for <paramref name="head"/>: all of them, but for the safety net those of <paramref name="excluded"/>.</summary>
    public static SparseFeatures Features(string head, TrainingRecord record, IReadOnlySet<int> excluded)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(excluded);
        if (head != OnnxComplaintClassifier.EmergencyHead)
        {
            return record.Features;
        }

        var keep = Enumerable.Range(0, record.Features.Indices.Length).Where(k => !excluded.Contains(record.Features.Indices[k])).ToArray();
        return new SparseFeatures([.. keep.Select(k => record.Features.Indices[k])], [.. keep.Select(k => record.Features.Values[k])]);
    }

    /// <summary>True when <paramref name="head"/> learns from <paramref name="record"/>: the safety net only from complaints the vocabulary found no emergency sign in.</summary>
    public static bool Applies(string head, TrainingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return head != OnnxComplaintClassifier.EmergencyHead
            || !record.Reading.RedFlags.Any(f => f.Affirmed && RedFlagTags.Severity(f.Tag) == RedFlagSeverity.Emergency);
    }

    /// <summary>The training rows of one record for one head: (label, weight).</summary>
    public static IEnumerable<(string Label, float Weight)> Rows(string head, TrainingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!Applies(head, record))
        {
            yield break;
        }

        switch (head)
        {
            case OnnxComplaintClassifier.DispositionHead:
                yield return (LabelNames.Of(record.Disposition), record.Disposition switch
                {
                    Disposition.Emergency => 4f,
                    Disposition.Offline => 3f,
                    Disposition.Online or Disposition.NeedsInfo => 2f,
                    _ => 1f,
                });
                break;
            case OnnxComplaintClassifier.SpecialtyHead:
                yield return (LabelNames.Of(record.Specialty), record.Specialty == Specialty.Other ? 1f : 2f);
                break;
            case OnnxComplaintClassifier.RedFlagHead:
                var learned = record.RedFlags.Where(LearnedTags.Contains).Distinct().ToList();
                if (learned.Count == 0)
                {
                    yield return (OnnxComplaintClassifier.NoRedFlag, 1f);
                }

                // A record with two flags teaches both, each half as much.
                foreach (var tag in learned)
                {
                    yield return (RedFlagTags.Name(tag), 4f / learned.Count);
                }

                break;
            case OnnxComplaintClassifier.EmergencyHead:
                yield return record.Disposition == Disposition.Emergency ? (OnnxComplaintClassifier.EmergencyHead, 4f) : (OnnxComplaintClassifier.NotEmergency, 1f);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(head));
        }
    }

    /// <summary>
    /// A record's target distribution over a head's labels, for calibration: its label, or for the
    /// red-flag head its tags shared equally (a tag the head cannot output is dropped).
    /// </summary>
    public static double[] Target(string head, TrainingRecord record, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var target = new double[labels.Count];
        var rows = Rows(head, record).Select(r => labels.ToList().IndexOf(r.Label)).Where(i => i >= 0).ToList();
        if (rows.Count == 0)
        {
            rows.Add(labels.ToList().IndexOf(OnnxComplaintClassifier.NoRedFlag));
        }

        foreach (var i in rows)
        {
            target[i] += 1.0 / rows.Count;
        }

        return target;
    }
}
