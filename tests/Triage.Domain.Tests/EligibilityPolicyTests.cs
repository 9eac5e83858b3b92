using Microsoft.Extensions.Time.Testing;
using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Facts;

namespace Triage.Domain.Tests;

public class EligibilityPolicyTests
{
    private static readonly DateTimeOffset InPilot = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    private static EligibilityPolicy Policy(DateTimeOffset now, PilotOptions? pilot = null) =>
        new(new KeywordComplaintClassifier(), pilot ?? PilotOptions.Beijing2026(), new FakeTimeProvider(now), SharedGrowth.Reference);

    private static TriageDecision Assess(string text, double? ageMonths = null, bool? guardian = null, DateTimeOffset? now = null, PilotOptions? pilot = null) =>
        Policy(now ?? InPilot, pilot).Assess(new ComplaintInput { Text = text, AgeMonths = ageMonths, GuardianPresent = guardian });

    [Fact]
    public void Assess_InfantWithFever_IsEmergency()
    {
        var d = Assess("宝宝发烧38.5度，吃奶少", ageMonths: 1.5);
        Assert.Equal(Disposition.Emergency, d.Disposition);
        Assert.Equal(Urgency.Immediate, d.Urgency);
        Assert.Contains(d.Reasons, r => r.Code == "red_flag.infant_fever");
        Assert.Equal("call_emergency", d.NextStep.Code);
    }

    [Fact]
    public void Assess_RashWithFeverAndPurpura_IsEmergencyEvenInAPilotSpecialty()
    {
        var d = Assess("孩子4岁，发烧39度，腿上很多出血点，压了不褪色", guardian: true);
        Assert.Equal(Disposition.Emergency, d.Disposition);
    }

    [Fact]
    public void Assess_AdultWithRedFlag_IsStillEmergency()
    {
        Assert.Equal(Disposition.Emergency, Assess("我今年35岁，突然呼吸困难，胸闷").Disposition);
    }

    [Fact]
    public void Assess_AdultSkinComplaint_IsOutOfScope()
    {
        var d = Assess("女28岁，脸上长痘痘一个月");
        Assert.Equal(Disposition.OutOfScope, d.Disposition);
        Assert.Contains(d.Reasons, r => r.Code == "adult");
    }

    [Fact]
    public void Assess_AgeFieldOf18Years_IsAdultWhateverTheText()
    {
        Assert.Equal(Disposition.OutOfScope, Assess("孩子脸上湿疹", ageMonths: 18 * 12).Disposition);
    }

    [Fact]
    public void Assess_StableChildEczemaWithGuardian_IsOnlineDermatologyReadyToBook()
    {
        var d = Assess("宝宝8个月，脸上湿疹两周了，不发烧，吃奶好", guardian: true);
        Assert.Equal(Disposition.Online, d.Disposition);
        Assert.Equal(Specialty.Dermatology, d.Specialty);
        Assert.Equal("book_online", d.NextStep.Code);
        Assert.Contains(d.Reasons, r => r.Code == "under_six");
    }

    [Fact]
    public void Assess_OnlineWithoutGuardian_AsksToConfirmTheGuardian()
    {
        Assert.Equal("confirm_guardian", Assess("孩子6岁，个子比同学矮很多，想咨询长高").NextStep.Code);
    }

    [Theory]
    [InlineData("孩子5岁，挑食，不爱吃饭，很瘦", Specialty.Nutrition)]
    [InlineData("儿子10岁，身高偏矮，想问问生长激素", Specialty.Growth)]
    [InlineData("宝宝屁股上红红的，尿布疹", Specialty.Dermatology)]
    [InlineData("My 4-year-old daughter has eczema on her arms", Specialty.Dermatology)]
    public void Assess_PilotComplaintsOfAChild_AreOnlineInTheirSpecialty(string text, Specialty specialty)
    {
        var d = Assess(text, guardian: true);
        Assert.Equal(Disposition.Online, d.Disposition);
        Assert.Equal(specialty, d.Specialty);
    }

    [Theory]
    [InlineData("孩子5岁，咳嗽三天，有痰")]
    [InlineData("宝宝2岁拉肚子两天")]
    [InlineData("孩子手足口病，手上有疹子")]
    public void Assess_NonPilotComplaintsOfAChild_AreOutOfScope(string text)
    {
        var d = Assess(text);
        Assert.Equal(Disposition.OutOfScope, d.Disposition);
        Assert.Equal(Specialty.Other, d.Specialty);
    }

    [Fact]
    public void Assess_SkinComplaintWithoutSubjectOrAge_AsksWhoAndHowOld()
    {
        var d = Assess("脸上长了很多痘痘，怎么办");
        Assert.Equal(Disposition.NeedsInfo, d.Disposition);
        Assert.Contains(d.Questions, q => q.Code == "age");
        Assert.Contains(d.Questions, q => q.Code == "subject");
    }

    [Fact]
    public void Assess_BabyFeverWithoutAge_AsksTheAgeBeforeRulingOutAnEmergency()
    {
        var d = Assess("宝宝发烧了怎么办");
        Assert.Equal(Disposition.NeedsInfo, d.Disposition);
        Assert.Contains(d.Questions, q => q.Code == "age");
    }

    [Fact]
    public void Assess_SameComplaintAfterAgeAnswer_IsDecided()
    {
        Assert.Equal(Disposition.OutOfScope, Assess("宝宝发烧了怎么办", ageMonths: 24).Disposition);
    }

    [Fact]
    public void Assess_OfflineFlagInPilotSpecialty_IsOfflineSoon()
    {
        var d = Assess("宝宝湿疹抓破了，流脓，越来越多", guardian: true);
        Assert.Equal(Disposition.Offline, d.Disposition);
        Assert.Equal(Urgency.Soon, d.Urgency);
    }

    [Fact]
    public void Assess_AfterThePilotEnds_NoCaseGoesOnline()
    {
        var d = Assess("宝宝8个月，脸上湿疹两周了", guardian: true, now: new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(Disposition.Offline, d.Disposition);
        Assert.Contains(d.Reasons, r => r.Code == "pilot_inactive");
    }

    [Fact]
    public void Assess_LastEveningOfThePilotInBeijing_IsStillInThePilot()
    {
        var d = Assess("宝宝8个月，脸上湿疹两周了", guardian: true, now: new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.FromHours(8)));
        Assert.Equal(Disposition.Online, d.Disposition);
    }

    [Fact]
    public void Assess_SpecialtyRemovedFromSettings_IsNoLongerOnline()
    {
        var pilot = PilotOptions.Beijing2026();
        foreach (var h in pilot.Hospitals)
        {
            h.Specialties.Remove(Specialty.Dermatology);
        }

        var d = Assess("宝宝8个月，脸上湿疹两周了", guardian: true, pilot: pilot);
        Assert.NotEqual(Disposition.Online, d.Disposition);
    }

    [Fact]
    public void Assess_PreferredHospitalOutsideThePilot_AsksForAPilotHospital()
    {
        var d = Policy(InPilot).Assess(new ComplaintInput { Text = "宝宝8个月，脸上湿疹两周了", GuardianPresent = true, PreferredHospital = "XYZ" });
        Assert.Equal("choose_pilot_hospital", d.NextStep.Code);
    }

    [Fact]
    public void Assess_AnyDecision_CarriesVersionsProbabilitiesAndExplanation()
    {
        var d = Assess("宝宝8个月，脸上湿疹两周了");
        Assert.Equal(KeywordComplaintClassifier.RulesVersion, d.ModelVersion);
        Assert.Equal($"bj-first-visit-2026.1+{Complaints.Vocabulary.Version}+lexicon-{KeywordLexicon.Version}", d.PolicyVersion);
        Assert.Equal(1.0, d.Classification.Dispositions.Sum(), 3);
        Assert.Equal(1.0, d.Classification.Specialties.Sum(), 3);
        Assert.Contains(d.Explanation, e => e.Feature == "湿疹");
        Assert.Equal(InPilot, d.DecidedAt);
    }

    [Fact]
    public void Assess_NoClinicalContent_IsOutOfScope()
    {
        Assert.Equal(Disposition.OutOfScope, Assess("你好，请问在吗").Disposition);
    }

    [Fact]
    public void Assess_SexFromRequest_DecidesEarlyPubertyForABoy()
    {
        var d = Policy(InPilot).Assess(new ComplaintInput { Text = "孩子8岁，长阴毛了", Sex = Sex.Male, GuardianPresent = true });
        Assert.Equal(Disposition.Offline, d.Disposition);
        Assert.Contains(d.RedFlags, f => f.Tag == Triage.Domain.RedFlags.RedFlagTag.EarlyPubertyYoung);
    }

    [Theory]
    [InlineData("A 67-year-old man with sudden right-sided weakness and slurred speech since an hour")]
    [InlineData("45F, crushing central chest pain radiating to the jaw, sweaty")]
    [InlineData("我老公今年40岁，突然口角歪斜，说话不清")]
    public void Assess_AdultWithARedFlag_IsEmergencyNotOutOfScope(string text)
    {
        var d = Assess(text);
        Assert.Equal(Disposition.Emergency, d.Disposition);
        Assert.Equal(Specialty.Other, d.Specialty);
        Assert.Equal("call_emergency", d.NextStep.Code);
    }

    [Fact]
    public void Assess_EpilepsyDiagnosedAndControlled_IsNotAnEmergency()
    {
        var d = Assess("孩子7岁，确诊癫痫三年，一直吃药，没再抽过，最近脸上长湿疹");
        Assert.NotEqual(Disposition.Emergency, d.Disposition);
        Assert.Contains(d.RedFlags, f => f.Tag == Triage.Domain.RedFlags.RedFlagTag.Seizure && f.Status == Triage.Domain.RedFlags.RedFlagStatus.History);
    }

    [Fact]
    public void Assess_SameWordsDescribingNow_AreAnEmergency()
    {
        Assert.Equal(Disposition.Emergency, Assess("孩子7岁，确诊癫痫三年，一直吃药，今天又抽了两次").Disposition);
    }
}
