using Triage.Domain.Classification;

namespace Triage.Domain.Decision;

/// <summary>Everything read off and scored for a complaint before the policy decides: the expensive part, computed once.</summary>
/// <param name="Reading">The text, facts, red flags and cues.</param>
/// <param name="Classification">The classifier's probabilities and explanation.</param>
/// <param name="ModelVersion">The classifier that produced them.</param>
public sealed record PreparedComplaint(ComplaintReading Reading, ComplaintClassification Classification, string ModelVersion);
