namespace Triage.Support.Plugins;

/// <summary>What <see cref="TriagePlugin.Assess"/> returns to the model.</summary>
/// <param name="Disposition">Policy name of the disposition.</param>
/// <param name="Specialty">Policy name of the specialty.</param>
/// <param name="RedFlags">Affirmed red flags as <c>tag: words</c>.</param>
/// <param name="DeniedRedFlags">Red flags the text denies.</param>
/// <param name="Reasons">The reasons, in English.</param>
public sealed record TriageResult(string Disposition, string Specialty, IReadOnlyList<string> RedFlags, IReadOnlyList<string> DeniedRedFlags, IReadOnlyList<string> Reasons);
