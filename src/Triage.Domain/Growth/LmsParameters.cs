namespace Triage.Domain.Growth;

/// <summary>
/// One point of an LMS curve: Box-Cox power <see cref="L"/>, median <see cref="M"/> and
/// coefficient of variation <see cref="S"/> (Cole 1990), as tabulated by WHO.
/// </summary>
public readonly record struct LmsParameters(double L, double M, double S)
{
    /// <summary>The plain LMS z-score of a measurement: ((X/M)^L − 1)/(L·S), or ln(X/M)/S when L = 0.</summary>
    public double ZScore(double x) => Math.Abs(L) < 1e-12 ? Math.Log(x / M) / S : (Math.Pow(x / M, L) - 1) / (L * S);

    /// <summary>The measurement at a z-score (the inverse of <see cref="ZScore"/>).</summary>
    public double Value(double z) => Math.Abs(L) < 1e-12 ? M * Math.Exp(S * z) : M * Math.Pow(1 + (L * S * z), 1 / L);

    /// <summary>
    /// WHO's restricted z-score for weight-based indicators: beyond ±3 the distance is measured in
    /// units of the gap between the 2 and 3 SD curves, since the LMS tail is not trusted there.
    /// </summary>
    public double RestrictedZScore(double x)
    {
        var z = ZScore(x);
        if (z > 3)
        {
            var sd3 = Value(3);
            return 3 + ((x - sd3) / (sd3 - Value(2)));
        }

        if (z < -3)
        {
            var sd3 = Value(-3);
            return -3 + ((x - sd3) / (Value(-2) - sd3));
        }

        return z;
    }

    /// <summary>Linear interpolation between two points (WHO's rule between whole months).</summary>
    public static LmsParameters Lerp(LmsParameters a, LmsParameters b, double t) =>
        new(a.L + ((b.L - a.L) * t), a.M + ((b.M - a.M) * t), a.S + ((b.S - a.S) * t));
}
