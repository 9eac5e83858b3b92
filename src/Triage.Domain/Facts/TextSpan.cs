namespace Triage.Domain.Facts;

/// <summary>A span of the caller's original complaint, cited as evidence.</summary>
/// <param name="Start">Offset in UTF-16 code units of the original text.</param>
/// <param name="Length">Length in UTF-16 code units.</param>
/// <param name="Text">The cited characters.</param>
public sealed record TextSpan(int Start, int Length, string Text);
