namespace Triage.Support.Plugins;

/// <summary>The policy's red-flag tags by severity.</summary>
/// <param name="Emergency">Tags that make a case an emergency.</param>
/// <param name="Offline">Tags that make a case in-person only.</param>
public sealed record RedFlagLists(IReadOnlyList<string> Emergency, IReadOnlyList<string> Offline);
