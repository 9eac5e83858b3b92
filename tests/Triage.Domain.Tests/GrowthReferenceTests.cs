using Triage.Domain.Facts;
using Triage.Domain.Growth;

namespace Triage.Domain.Tests;

/// <summary>
/// The LMS z-scores against the values WHO publishes in its simplified field tables (rounded to
/// 0.1 cm or kg, hence the tolerances).
/// </summary>
public class GrowthReferenceTests
{
    private static GrowthZScore Score(Sex sex, double months, double? height, double? weight, GrowthIndicator indicator) =>
        Assert.Single(SharedGrowth.Reference.Assess(sex, months, height, weight), s => s.Indicator == indicator);

    [Fact]
    public void Assess_Boy60Months_HeightMedianIs110Cm()
    {
        var score = Score(Sex.Male, 60, 110.0, null, GrowthIndicator.HeightForAge);
        Assert.Equal(110.0, score.Median, 1);
        Assert.Equal(0, score.Z, 1);
        Assert.Equal(GrowthReference.Who2006, score.Reference);
    }

    [Theory]
    [InlineData(96.1, -3)]
    [InlineData(100.7, -2)]
    [InlineData(105.3, -1)]
    [InlineData(114.6, 1)]
    [InlineData(119.2, 2)]
    public void Assess_Boy60MonthsAtPublishedSdHeights_GivesThoseZ(double height, double z)
    {
        Assert.Equal(z, Score(Sex.Male, 60, height, null, GrowthIndicator.HeightForAge).Z, 0.05);
    }

    [Theory]
    [InlineData(6.9, -3)]
    [InlineData(7.7, -2)]
    [InlineData(8.6, -1)]
    [InlineData(10.8, 1)]
    [InlineData(12.0, 2)]
    [InlineData(13.3, 3)]
    public void Assess_Boy12MonthsAtPublishedSdWeights_GivesThoseZ(double weight, double z)
    {
        Assert.Equal(z, Score(Sex.Male, 12, null, weight, GrowthIndicator.WeightForAge).Z, 0.1);
    }

    [Fact]
    public void Assess_WeightFarBelowTheCurve_UsesWhoRestrictedZ()
    {
        // Boys, 12 months: SD3neg 6.927, SD2neg 7.742 (from the LMS); beyond -3 WHO counts in
        // units of that gap: -3 + (5.0 - 6.927) / (7.742 - 6.927) = -5.37, not the LMS tail's -5.02.
        var score = Score(Sex.Male, 12, null, 5.0, GrowthIndicator.WeightForAge);
        Assert.Equal(-5.37, score.Z, 0.02);
        Assert.True(score.Plausible);
    }

    [Fact]
    public void Assess_Boy75CmLong_WeightForLengthMedianIs9Point5Kg()
    {
        var score = Score(Sex.Male, 10, 75.0, 7.5, GrowthIndicator.WeightForLength);
        Assert.Equal(9.5, score.Median, 1);
        Assert.Equal(-3, score.Z, 0.1);
    }

    [Fact]
    public void Assess_ThreeYearOld_UsesWeightForHeightNotLength()
    {
        var scores = SharedGrowth.Reference.Assess(Sex.Female, 36, 95, 14);
        Assert.Contains(scores, s => s.Indicator == GrowthIndicator.WeightForHeight);
        Assert.DoesNotContain(scores, s => s.Indicator == GrowthIndicator.WeightForLength);
        Assert.Contains(scores, s => s.Indicator == GrowthIndicator.BmiForAge);
    }

    [Fact]
    public void Assess_Girl9Years_UsesWho2007WithHeightMedian132Point5()
    {
        var score = Score(Sex.Female, 108, 110, null, GrowthIndicator.HeightForAge);
        Assert.Equal(GrowthReference.Who2007, score.Reference);
        Assert.Equal(132.5, score.Median, 1);
        Assert.True(score.Z < -3);
    }

    [Fact]
    public void Assess_Over10Years_HasNoWeightForAge()
    {
        var scores = SharedGrowth.Reference.Assess(Sex.Male, 150, 150, 40);
        Assert.DoesNotContain(scores, s => s.Indicator == GrowthIndicator.WeightForAge);
        Assert.Contains(scores, s => s.Indicator == GrowthIndicator.BmiForAge);
    }

    [Fact]
    public void Assess_Adult_HasNoScores()
    {
        Assert.Empty(SharedGrowth.Reference.Assess(Sex.Male, 300, 175, 70));
    }

    [Fact]
    public void Assess_ImpossibleWeight_IsMarkedImplausible()
    {
        Assert.False(Score(Sex.Female, 24, null, 1.0, GrowthIndicator.WeightForAge).Plausible);
    }

    [Fact]
    public void Assess_UnknownSex_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => SharedGrowth.Reference.Assess(Sex.Unknown, 12, 75, 9));
    }

    [Fact]
    public void Load_MissingFolder_SaysWhich()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => GrowthReference.Load("/nonexistent/growth"));
        Assert.Contains("/nonexistent/growth", e.Message, StringComparison.Ordinal);
    }
}
