using System.Collections.Immutable;

namespace Triage.Domain.Growth;

/// <summary>
/// The stretch of a WHO reference around a child's measurement, for drawing it on the curves:
/// the physician's page draws these numbers and computes nothing clinical itself.
/// </summary>
/// <param name="Indicator">The indicator drawn.</param>
/// <param name="XAxis"><c>age_months</c>, <c>length_cm</c> or <c>height_cm</c>.</param>
/// <param name="ChildX">The child's position on the x axis.</param>
/// <param name="ChildY">The child's measured value.</param>
/// <param name="Points">The reference, in x order.</param>
public sealed record GrowthCurve(GrowthIndicator Indicator, string XAxis, double ChildX, double ChildY, ImmutableArray<GrowthCurvePoint> Points);
