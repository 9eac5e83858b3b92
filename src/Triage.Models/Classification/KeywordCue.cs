using System.Text.RegularExpressions;

namespace Triage.Models.Classification;

/// <summary>A keyword (or small pattern) and the class it votes for, with a weight.</summary>
/// <param name="Name">Shown in explanations.</param>
/// <param name="Pattern">Matched against the normalised text.</param>
/// <param name="Target">The class voted for, e.g. <c>specialty:growth</c> or <c>disposition:offline</c>.</param>
/// <param name="Weight">Votes add up per class.</param>
public sealed record KeywordCue(string Name, Regex Pattern, string Target, double Weight);
