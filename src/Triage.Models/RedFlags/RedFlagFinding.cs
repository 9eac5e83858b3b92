using Triage.Models.Facts;

namespace Triage.Models.RedFlags;

/// <summary>A red flag found in (or explicitly denied by) a complaint.</summary>
/// <param name="Tag">The policy's tag, e.g. <c>seizure</c>.</param>
/// <param name="Severity">Emergency or offline.</param>
/// <param name="Evidence">The span of the original text that triggered it.</param>
/// <param name="Negated">True when the writer denied it ("不抽搐"): reported to the physician, never acted on.</param>
public sealed record RedFlagFinding(string Tag, RedFlagSeverity Severity, TextSpan Evidence, bool Negated);
