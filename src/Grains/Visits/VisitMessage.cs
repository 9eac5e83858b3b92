using Triage.Grains.Journal;

namespace Triage.Grains.Visits;

/// <summary>Body of <see cref="VisitEventTypes.Message"/>.</summary>
/// <param name="From"><c>parent</c> or <c>physician</c>.</param>
/// <param name="Text">The message.</param>
[GenerateSerializer, Immutable, Alias("triage.VisitMessage")]
public sealed record VisitMessage([property: Id(0)] string From, [property: Id(1), FreeText] string Text)
{
    /// <summary>A message from the parent's side (the booking app).</summary>
    public const string Parent = "parent";

    /// <summary>A message from the physician.</summary>
    public const string Physician = "physician";
}
