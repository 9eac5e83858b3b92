namespace Triage.Domain.Growth;

/// <summary>The anthropometric indicators of the WHO standards the service computes.</summary>
public enum GrowthIndicator
{
    /// <summary>Length (under 2 years) or height for age.</summary>
    HeightForAge,

    /// <summary>Weight for age (WHO gives it to 10 years).</summary>
    WeightForAge,

    /// <summary>Body-mass index for age.</summary>
    BmiForAge,

    /// <summary>Weight for recumbent length (under 2 years, 45–110 cm).</summary>
    WeightForLength,

    /// <summary>Weight for standing height (2 to 5 years, 65–120 cm).</summary>
    WeightForHeight,
}
