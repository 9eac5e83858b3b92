using System.Text.RegularExpressions;
using Triage.Models.Facts;

namespace Triage.Models.RedFlags;

/// <summary>
/// One way a red flag shows in text: a pattern, and optionally a condition on the facts
/// (age, fever, sex) or on the rest of the text that must also hold.
/// </summary>
/// <param name="Tag">The policy tag it raises.</param>
/// <param name="Severity">Emergency or offline.</param>
/// <param name="Pattern">Matched against the normalised text.</param>
/// <param name="Condition">Extra requirement; null when the pattern alone suffices.</param>
public sealed record RedFlagRule(string Tag, RedFlagSeverity Severity, Regex Pattern, Func<ComplaintFacts, string, bool>? Condition = null);
