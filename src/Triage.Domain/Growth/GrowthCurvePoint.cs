namespace Triage.Domain.Growth;

/// <summary>One point of a WHO reference: the values at z = −3, −2, 0, +2 and +3 at <paramref name="X"/>.</summary>
/// <param name="X">Age in months, or length/height in cm.</param>
/// <param name="Minus3">The value at z = −3.</param>
/// <param name="Minus2">The value at z = −2.</param>
/// <param name="Median">The median.</param>
/// <param name="Plus2">The value at z = +2.</param>
/// <param name="Plus3">The value at z = +3.</param>
public sealed record GrowthCurvePoint(double X, double Minus3, double Minus2, double Median, double Plus2, double Plus3);
