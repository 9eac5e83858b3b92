using System.ComponentModel;
using Microsoft.SemanticKernel;
using Triage.Domain.Facts;
using Triage.Domain.Growth;
using Triage.Domain.RedFlags;

namespace Triage.Support.Plugins;

/// <summary>The WHO growth references as a kernel plugin.</summary>
public sealed class GrowthPlugin(GrowthReference growth)
{
    /// <summary>z-scores of a child's measurements.</summary>
    [KernelFunction("z_scores"), Description("WHO z-scores (LMS method) of a child's height and weight: height-for-age, weight-for-age, BMI-for-age, weight-for-length/height, with the reference named (WHO 2006 standards under 5 years, WHO 2007 reference 5-19 years). Below -3 is severe.")]
    public IReadOnlyList<GrowthZScore> ZScores(
        [Description("female, male or unknown (both curves are returned when unknown)")] string sex,
        [Description("Age in months")] double ageMonths,
        [Description("Height or length in cm, when known")] double? heightCm = null,
        [Description("Weight in kg, when known")] double? weightKg = null)
    {
        var s = sex?.Trim().ToLowerInvariant() switch
        {
            "female" or "girl" or "女" => Sex.Female,
            "male" or "boy" or "男" => Sex.Male,
            _ => Sex.Unknown,
        };
        return MeasuredRedFlags.ZScores(growth, s, ageMonths, heightCm, weightKg);
    }
}
