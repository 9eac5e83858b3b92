namespace Triage.Grains.Cases;

/// <summary>Adds answers or facts to a case and re-assesses it.</summary>
/// <param name="AppId">The calling booking app; must own the case.</param>
/// <param name="Answered">What was added.</param>
[GenerateSerializer, Immutable, Alias("triage.AnswerQuestionsCommand")]
public sealed record AnswerQuestionsCommand([property: Id(0)] string AppId, [property: Id(1)] CaseAnswered Answered);
