namespace Triage.Grains.Cases;

/// <summary>Body of <see cref="CaseEventTypes.SupportInvoked"/>: one decision-support function call made for the case.</summary>
/// <param name="Function">Plugin and function, e.g. <c>growth.z_scores</c>.</param>
/// <param name="Outcome"><c>completed</c>, <c>refused</c> or <c>failed</c>.</param>
/// <param name="Detail">Argument names and, when refused or failed, why (never argument values: they may hold the complaint).</param>
[GenerateSerializer, Immutable, Alias("triage.SupportInvoked")]
public sealed record SupportInvoked([property: Id(0)] string Function, [property: Id(1)] string Outcome, [property: Id(2)] string Detail);
