using Triage.Grains.Journal;

namespace Triage.Grains.Cases;

/// <summary>An answer to one follow-up question.</summary>
/// <param name="QuestionId">The question's code, e.g. <c>age</c>.</param>
/// <param name="Text">The answer as written.</param>
[GenerateSerializer, Immutable, Alias("triage.QuestionAnswer")]
public sealed record QuestionAnswer([property: Id(0)] string QuestionId, [property: Id(1), FreeText] string Text);
