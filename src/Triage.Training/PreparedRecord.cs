using Triage.Models.Classification;
using Triage.Models.Decision;
using Triage.Models.Evaluation;
using Triage.Models.Features;

namespace Triage.Training;

/// <summary>A labelled record read once: its labels, its featurisation and its policy input.</summary>
/// <param name="Record">The labelled record.</param>
/// <param name="Disposition">Its disposition label.</param>
/// <param name="Specialty">Its specialty label.</param>
/// <param name="Features">The shared featurizer's vector.</param>
/// <param name="Input">The policy input (text only, as a booking app would send it).</param>
public sealed record PreparedRecord(LabelledRecord Record, Disposition Disposition, Specialty Specialty, SparseFeatures Features, ComplaintInput Input);
