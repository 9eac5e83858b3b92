using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Evaluation;
using Triage.Domain.RedFlags;
using Triage.Models.Features;

namespace Triage.Training;

/// <summary>A labelled record read once: its labels, where it comes from, what the rules read off it and its features.</summary>
/// <param name="Record">The labelled record.</param>
/// <param name="Split">The file it came from: train, validation or augment.</param>
/// <param name="Disposition">Its disposition label.</param>
/// <param name="Specialty">Its specialty label.</param>
/// <param name="RedFlags">Its red-flag labels.</param>
/// <param name="Reading">What the rules read off its text.</param>
/// <param name="Features">The shared featurizer's vector.</param>
public sealed record TrainingRecord(LabelledRecord Record, string Split, Disposition Disposition, Specialty Specialty, IReadOnlyList<RedFlagTag> RedFlags, ComplaintReading Reading, SparseFeatures Features)
{
    /// <summary>The corpus the question was taken from (the labelled <c>source</c>); "synthetic" for the augment set.</summary>
    public string Source => Record.Source;

    /// <summary>The policy input, text only, as a booking app would send it.</summary>
    public ComplaintInput Input { get; } = new() { Text = Record.Text };
}
