using Triage.Domain.Facts;
using Triage.Domain.Text;

namespace Triage.Domain.Tests;

public class FactExtractorTests
{
    private static ComplaintFacts Extract(string text) => Complaints.Facts(text);

    [Theory]
    [InlineData("孩子3岁2个月，个子矮", 38)]
    [InlineData("宝宝8个月大，不会爬", 8)]
    [InlineData("一岁半的宝宝挑食", 18)]
    [InlineData("我家宝宝三个月了，脸上湿疹", 3)]
    [InlineData("My 5-year-old has eczema", 60)]
    [InlineData("孩子１０岁，身高偏矮", 120)]
    public void Extract_AgeWrittenInText_IsReadInMonths(string text, double months)
    {
        Assert.Equal(months, Extract(text).AgeMonths!.Value, 1);
    }

    [Fact]
    public void Extract_NewbornInDays_IsAYoungInfant()
    {
        var facts = Extract("宝宝出生10天，有点发烧");
        Assert.True(facts.IsYoungInfant);
        Assert.True(facts.AgeMonths < 1);
    }

    [Theory]
    [InlineData("女儿是32周加4天出生的早产儿，现在出生12天，发烧38.3")]
    [InlineData("孩子35周+2天早产，今天出生20天，体温38.5")]
    [InlineData("宝宝才降生10天，今天摸着烫，量了38.1")]
    [InlineData("儿子生下来15天，发热38.6")]
    public void Extract_WeeksOfGestationOrDaysSinceBirth_AgeIsTheDaysSinceBirth(string text)
    {
        var facts = Extract(text);
        Assert.True(facts.AgeMonths < 1, $"age read as {facts.AgeMonths} months");
        Assert.True(facts.IsYoungInfant);
    }

    [Fact]
    public void Extract_DurationAfterSymptom_IsNotMistakenForAge()
    {
        var facts = Extract("宝宝湿疹两个月了");
        Assert.Null(facts.AgeMonths);
        Assert.Equal(60.9, facts.DurationDays!.Value, 1);
    }

    [Theory]
    [InlineData("发烧38.5度", 38.5)]
    [InlineData("烧到39℃了", 39.0)]
    [InlineData("体温39.2", 39.2)]
    [InlineData("temperature of 101.3 F", 38.5)]
    public void Extract_Temperature_IsCelsius(string text, double celsius)
    {
        var facts = Extract(text);
        Assert.Equal(celsius, facts.TemperatureC!.Value, 1);
        Assert.True(facts.Fever);
    }

    [Theory]
    [InlineData("咳嗽三天了", 3)]
    [InlineData("rash for 2 weeks", 14)]
    [InlineData("湿疹一年了", 365)]
    public void Extract_Duration_IsInDays(string text, double days)
    {
        Assert.Equal(days, Extract(text).DurationDays!.Value, 1);
    }

    [Fact]
    public void Extract_FeverDays_ComeFromTheFeverClause()
    {
        var facts = Extract("孩子2岁，发烧五天了，眼睛红，嘴唇干裂");
        Assert.Equal(5, facts.FeverDays);
    }

    [Fact]
    public void Extract_DeniedFever_IsNoFever()
    {
        Assert.False(Extract("宝宝没有发烧，只是脸上有湿疹").Fever);
    }

    [Fact]
    public void Extract_HeightAndWeight_AreConvertedToCentimetresAndKilograms()
    {
        var facts = Extract("孩子6岁，身高105cm，体重32斤");
        Assert.Equal(105, facts.HeightCm);
        Assert.Equal(16, facts.WeightKg);
    }

    [Theory]
    [InlineData("我女儿5岁，乳房发育", Sex.Female)]
    [InlineData("儿子8岁个子矮", Sex.Male)]
    [InlineData("宝宝湿疹", Sex.Unknown)]
    public void Extract_Sex_FromWords(string text, Sex sex) => Assert.Equal(sex, Extract(text).Sex);

    [Theory]
    [InlineData("宝宝脸上湿疹", PatientSubject.Child)]
    [InlineData("女28岁，脸上长痘", PatientSubject.Adult)]
    [InlineData("怀孕四个月，皮肤痒", PatientSubject.Adult)]
    [InlineData("脸上长了很多痘痘", PatientSubject.Unknown)]
    public void Extract_Subject_FromCues(string text, PatientSubject subject) => Assert.Equal(subject, Extract(text).Subject);

    [Theory]
    [InlineData("3", 36)]
    [InlineData("3岁2个月", 38)]
    [InlineData("8个月大", 8)]
    public void ReadAgeAnswer_BareNumberIsYears(string answer, double months) =>
        Assert.Equal(months, FactExtractor.ReadAgeAnswer(answer)!.Value, 1);

    [Theory]
    [InlineData("宝宝体重9公斤", 9.0)]
    [InlineData("八个月了只有10斤", 5.0)]
    [InlineData("出生体重3.2kg，现在体重6.5kg", 6.5)]
    [InlineData("这个月胖了2斤，现在16斤", 8.0)]
    public void Extract_CurrentWeight_IsReadInKilograms(string text, double kg)
    {
        Assert.Equal(kg, Extract(text).WeightKg!.Value, 2);
    }

    [Theory]
    [InlineData("一个月只长了1斤")]
    [InlineData("出生时体重6斤")]
    [InlineData("最近瘦了3斤")]
    public void Extract_WeightChangeOrBirthWeight_IsNotTheWeight(string text)
    {
        Assert.Null(Extract(text).WeightKg);
    }

    [Theory]
    [InlineData("身高1.2米", 120.0)]
    [InlineData("身高只有110cm", 110.0)]
    [InlineData("孩子现在95厘米", 95.0)]
    public void Extract_Height_IsReadInCentimetres(string text, double cm)
    {
        Assert.Equal(cm, Extract(text).HeightCm!.Value, 1);
    }

    [Theory]
    [InlineData("疹子直径大概0.5厘米")]
    [InlineData("头围45cm")]
    [InlineData("今年长高了5cm")]
    public void Extract_OtherLengths_AreNotTheHeight(string text)
    {
        Assert.Null(Extract(text).HeightCm);
    }

    [Theory]
    [InlineData("胆红素370", 370.0)]
    [InlineData("黄疸值18.5", 316.4)]
    [InlineData("TSB 20 mg/dL", 342.0)]
    [InlineData("黄疸第三天测额头12，今天额头21，胸口19", 359.1)]
    [InlineData("胆红素从380降到200了", 380.0)]
    public void Extract_Bilirubin_IsReadInMicromolesPerLitre(string text, double umol)
    {
        Assert.Equal(umol, Extract(text).BilirubinUmolPerL!.Value, 1);
    }

    [Theory]
    [InlineData("宝宝黄疸，胸口3个红点")]
    [InlineData("脸上24个小疙瘩，有点黄")]
    [InlineData("宝宝面部18天了还有点湿疹")]
    public void Extract_SiteFollowedByACountOrADuration_IsNotABilirubinReading(string text)
    {
        Assert.Null(Extract(text).BilirubinUmolPerL);
    }
}
