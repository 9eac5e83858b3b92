namespace Triage.Domain.Decision;

/// <summary>A stable code with its Chinese and English wording, for reasons, questions and next steps.</summary>
/// <param name="Code">Machine-readable, stable across versions.</param>
/// <param name="Zh">Shown to parents and physicians in Chinese.</param>
/// <param name="En">English wording.</param>
public sealed record LocalizedText(string Code, string Zh, string En);
