using Triage.Domain.Facts;

namespace Triage.Domain.Growth;

/// <summary>One z-score of a child's measurement against a named growth reference.</summary>
/// <param name="Indicator">What was compared.</param>
/// <param name="Sex">The sex whose curve was used.</param>
/// <param name="Z">The z-score (WHO's restricted z for weight-based indicators), to two decimals.</param>
/// <param name="Measured">The child's value: cm, kg or kg/m².</param>
/// <param name="Median">The reference median at that age or length.</param>
/// <param name="Reference">The reference named in full, e.g. "WHO Child Growth Standards 2006".</param>
/// <param name="Plausible">False beyond WHO's flag limits, where the measurement is more likely misread than real.</param>
public sealed record GrowthZScore(GrowthIndicator Indicator, Sex Sex, double Z, double Measured, double Median, string Reference, bool Plausible);
