using System.Collections.Immutable;
using Triage.Grains.Journal;

namespace Triage.Grains.Cases;

/// <summary>Body of <see cref="CaseEventTypes.Answered"/>.</summary>
/// <param name="Answers">Answers to follow-up questions.</param>
/// <param name="AddedText">Free text the parent added.</param>
/// <param name="Patient">Updated patient details, if any.</param>
[GenerateSerializer, Immutable, Alias("triage.CaseAnswered")]
public sealed record CaseAnswered(
    [property: Id(0)] ImmutableArray<QuestionAnswer> Answers,
    [property: Id(1), FreeText] string AddedText,
    [property: Id(2)] PatientDetails? Patient);
