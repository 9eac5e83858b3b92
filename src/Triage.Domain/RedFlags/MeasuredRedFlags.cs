using System.Text.RegularExpressions;
using Triage.Domain.Facts;
using Triage.Domain.Growth;

namespace Triage.Domain.RedFlags;

/// <summary>
/// Red flags read off the numbers a parent gives rather than the words: a weight or height far
/// below the WHO curves, a newborn's bilirubin at exchange-transfusion level. Words miss these
/// ("八个月了只有10斤" names no symptom at all).
/// </summary>
public static partial class MeasuredRedFlags
{
    /// <summary>Serum bilirubin (µmol/L) from which a newborn's jaundice is severe hyperbilirubinaemia (≥ 20 mg/dL): emergency.</summary>
    public const double SevereBilirubinUmolPerL = 342;

    /// <summary>A z-score below which a measurement is severe (WHO: severe wasting, underweight, stunting).</summary>
    public const double SevereZ = -3;

    /// <summary>
    /// The flags the measurements raise. When the sex is not known both curves are read and the
    /// lower z counts: the cost of a needless examination is smaller than a missed one.
    /// Implausible z-scores (WHO's flag limits) raise nothing: the number was more likely misread.
    /// </summary>
    public static IReadOnlyList<RedFlagFinding> Detect(string text, ComplaintFacts facts, GrowthReference growth)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(growth);
        var findings = new List<RedFlagFinding>();
        if (facts.Subject == PatientSubject.Adult)
        {
            return findings;
        }

        // A newborn's, or one of unknown age unless the jaundice is hepatitis's.
        if (facts.BilirubinUmolPerL >= SevereBilirubinUmolPerL && facts.BilirubinEvidence is { } bilirubinAt
            && (facts.IsYoungInfant || (facts.AgeMonths is null && !HepatitisCue().IsMatch(text))))
        {
            findings.Add(new RedFlagFinding(RedFlagTag.SevereHyperbilirubinemia, bilirubinAt) { Source = RedFlagSource.Measurement });
        }

        if (facts.AgeMonths is not { } age || (facts.WeightKg is null && facts.HeightCm is null))
        {
            return findings;
        }

        var scores = ZScores(growth, facts.Sex, age, facts.HeightCm, facts.WeightKg);
        if (facts.WeightEvidence is { } weightAt && scores.Any(s => s.Plausible && s.Indicator != GrowthIndicator.HeightForAge && s.Z < SevereZ))
        {
            findings.Add(new RedFlagFinding(RedFlagTag.SevereMalnutrition, weightAt) { Source = RedFlagSource.Measurement });
        }

        if (facts.HeightEvidence is { } heightAt && scores.Any(s => s.Plausible && s.Indicator == GrowthIndicator.HeightForAge && s.Z < SevereZ))
        {
            findings.Add(new RedFlagFinding(RedFlagTag.SevereShortStature, heightAt) { Source = RedFlagSource.Measurement });
        }

        return findings;
    }

    /// <summary>The z-scores for a known sex, or for both when it is not known.</summary>
    public static IReadOnlyList<GrowthZScore> ZScores(GrowthReference growth, Sex sex, double ageMonths, double? heightCm, double? weightKg)
    {
        ArgumentNullException.ThrowIfNull(growth);
        return sex == Sex.Unknown
            ? [.. growth.Assess(Sex.Male, ageMonths, heightCm, weightKg), .. growth.Assess(Sex.Female, ageMonths, heightCm, weightKg)]
            : growth.Assess(sex, ageMonths, heightCm, weightKg);
    }

    [GeneratedRegex(@"乙肝|丙肝|肝炎|肝硬化|转氨酶|肝功能衰竭|hepatitis|cirrhosis", RegexOptions.CultureInvariant)]
    private static partial Regex HepatitisCue();
}
