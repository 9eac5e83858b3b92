namespace Triage.Domain.Tests;

public class MeasuredRedFlagsTests
{
    private static IEnumerable<string> Affirmed(string text) => Complaints.Affirmed(text);

    [Theory]
    [InlineData("早产宝宝八个月了只有10斤，要怎么去喂养？")]
    [InlineData("女儿2岁，体重才7公斤，吃饭很少")]
    [InlineData("My 3-year-old son weighs 9 kg and is a picky eater")]
    public void Detect_WeightFarBelowTheCurve_IsSevereMalnutrition(string text)
    {
        Assert.Contains("severe_malnutrition", Affirmed(text));
    }

    [Theory]
    [InlineData("宝宝八个月了，体重18斤，挑食")]
    [InlineData("女儿2岁，体重12公斤，吃饭很少")]
    [InlineData("宝宝8个月，这个月只长了1斤")]
    [InlineData("宝宝3个月，出生体重5斤，现在吃奶很好")]
    public void Detect_NormalWeightOrAChange_IsNotSevereMalnutrition(string text)
    {
        Assert.DoesNotContain("severe_malnutrition", Affirmed(text));
    }

    [Fact]
    public void Detect_HeightFarBelowTheCurve_IsSevereShortStature()
    {
        Assert.Contains("severe_short_stature", Affirmed("我家孩子现在已经9岁了，可是她的身高却只有110cm"));
    }

    [Theory]
    [InlineData("孩子9岁，身高130cm，想长高")]
    [InlineData("孩子9岁，脸上的胎记直径2厘米")]
    [InlineData("孩子9岁，这一年长高了4cm")]
    public void Detect_OrdinaryHeightOrOtherLength_IsNotSevereShortStature(string text)
    {
        Assert.DoesNotContain("severe_short_stature", Affirmed(text));
    }

    [Theory]
    [InlineData("胆红素370是不是就进入大脑可能比较大")]
    [InlineData("宝宝出生5天，黄疸值22mg/dl")]
    [InlineData("新生儿，胆红素 400 umol/L")]
    public void Detect_NewbornBilirubinAtExchangeLevel_IsEmergency(string text)
    {
        Assert.Contains("severe_hyperbilirubinemia", Affirmed(text));
    }

    [Theory]
    [InlineData("宝宝出生5天，黄疸值12，在照蓝光")]
    [InlineData("宝宝出生7天，胆红素200")]
    [InlineData("乙肝大三阳，转氨酶900多，黄疸600")]
    [InlineData("孩子8岁，胆红素400")]
    public void Detect_BilirubinBelowTheLevelOrNotANewborns_IsNotTheEmergency(string text)
    {
        Assert.DoesNotContain("severe_hyperbilirubinemia", Affirmed(text));
    }

    [Fact]
    public void Detect_DeniedWastingWithAWeightFarBelow_TheNumberWins()
    {
        Assert.Contains("severe_malnutrition", Affirmed("宝宝1岁，不算明显消瘦，体重才5.5kg"));
    }
}
