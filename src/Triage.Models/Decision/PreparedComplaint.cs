using Triage.Models.Classification;
using Triage.Models.Facts;
using Triage.Models.RedFlags;
using Triage.Models.Text;

namespace Triage.Models.Decision;

/// <summary>Everything read off a complaint before the policy decides: the expensive part, computed once.</summary>
/// <param name="Text">The normalised text.</param>
/// <param name="Facts">Facts from text and request.</param>
/// <param name="RedFlags">Red flags found and denied.</param>
/// <param name="Classification">The classifier's probabilities and explanation.</param>
/// <param name="ModelVersion">The classifier that produced them.</param>
public sealed record PreparedComplaint(NormalizedText Text, ComplaintFacts Facts, IReadOnlyList<RedFlagFinding> RedFlags, ComplaintClassification Classification, string ModelVersion);
