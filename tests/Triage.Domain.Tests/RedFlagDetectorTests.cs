using Triage.Domain.RedFlags;

namespace Triage.Domain.Tests;

public class RedFlagDetectorTests
{
    private static IReadOnlyList<RedFlagFinding> Detect(string text) => Complaints.Flags(text);

    private static IEnumerable<string> Affirmed(string text) => Complaints.Affirmed(text);

    private static RedFlagFinding? Finding(string text, string tag) => Detect(text).SingleOrDefault(f => RedFlagTags.Name(f.Tag) == tag);

    [Theory]
    [InlineData("宝宝2个月，发烧38.5度", "infant_fever")]
    [InlineData("孩子发烧，身上有出血点，按压不褪色", "fever_purpura")]
    [InlineData("宝宝呼吸困难，嘴唇发紫", "breathing")]
    [InlineData("孩子突然抽搐，两眼上翻", "seizure")]
    [InlineData("孩子叫不醒，很嗜睡", "consciousness")]
    [InlineData("宝宝一天没尿，哭没有眼泪", "dehydration")]
    [InlineData("宝宝吐绿水，一直吐", "gi_bleed_vomiting")]
    [InlineData("男孩睾丸疼得厉害", "severe_pain")]
    [InlineData("孩子误吞了纽扣电池", "ingestion")]
    [InlineData("宝宝从床上摔下来，头上起了个包", "trauma_burn")]
    [InlineData("吃了虾以后嘴唇肿，喘不上气", "anaphylaxis")]
    [InlineData("全身起大疱脱皮，口腔溃烂", "skin_detachment")]
    [InlineData("孩子发烧6天，眼睛红，嘴唇干裂", "kawasaki")]
    [InlineData("孩子说不想活了", "self_harm")]
    [InlineData("鼻血止不住", "bleeding")]
    [InlineData("my 3-month-old baby has a fever of 38.4", "infant_fever")]
    [InlineData("he is having a seizure", "seizure")]
    [InlineData("her lips are swollen after eating peanuts", "anaphylaxis")]
    public void Detect_EmergencyWording_RaisesItsTag(string text, string tag)
    {
        var finding = Detect(text).Single(f => RedFlagTags.Name(f.Tag) == tag && f.Affirmed);
        Assert.Equal(RedFlagSeverity.Emergency, finding.Severity);
        Assert.Equal(finding.Evidence.Text, text.Substring(finding.Evidence.Start, finding.Evidence.Length));
    }

    [Theory]
    [InlineData("孩子8岁，个子矮，最近经常头痛呕吐", "neuro_with_growth")]
    [InlineData("女儿4岁，乳房发育了", "early_puberty_young")]
    [InlineData("孩子瘦得皮包骨，营养不良", "severe_malnutrition")]
    [InlineData("女儿14岁节食减肥，晕倒过两次", "eating_disorder")]
    [InlineData("孩子最近喝水特别多，尿多，体重下降了", "polyuria_weightloss")]
    [InlineData("宝宝眼皮上长了血管瘤", "high_risk_hemangioma")]
    [InlineData("宝宝湿疹破了流脓", "skin_infection")]
    [InlineData("孩子背上的痣最近变大还出血", "changing_mole")]
    [InlineData("新生儿出生5天，皮肤发黄", "neonatal_jaundice")]
    [InlineData("孩子的血管瘤医生说要手术", "needs_procedure")]
    public void Detect_OfflineWording_RaisesItsTag(string text, string tag)
    {
        Assert.Contains(Detect(text), f => RedFlagTags.Name(f.Tag) == tag && f.Severity == RedFlagSeverity.Offline && f.Affirmed);
    }

    [Theory]
    [InlineData("宝宝没有抽搐，只是湿疹", "seizure")]
    [InlineData("孩子不发烧，精神好，脸上湿疹", "infant_fever")]
    [InlineData("no trouble breathing, just a rash", "breathing")]
    public void Detect_DeniedFlag_IsReportedNegatedAndNotActedOn(string text, string tag)
    {
        Assert.DoesNotContain(tag, Affirmed(text));
    }

    [Fact]
    public void Detect_DeniedSeizure_IsListedAsNegatedForThePhysician()
    {
        var finding = Assert.Single(Detect("宝宝3岁，不抽搐"), f => f.Tag == RedFlagTag.Seizure);
        Assert.Equal(RedFlagStatus.Negated, finding.Status);
    }

    [Fact]
    public void Detect_FeverInOlderChild_IsNotInfantFever()
    {
        Assert.DoesNotContain("infant_fever", Affirmed("孩子5岁，发烧38.5度"));
    }

    [Fact]
    public void Detect_BreastBudsInGirlOfSeven_IsNotEarlyPuberty()
    {
        Assert.DoesNotContain("early_puberty_young", Affirmed("女儿7岁，乳房发育了"));
    }

    [Fact]
    public void Detect_StableEczema_HasNoFlag()
    {
        Assert.Empty(Affirmed("宝宝8个月，脸上湿疹两周了，吃奶睡觉都好"));
    }

    [Theory]
    [InlineData("确诊癫痫三年，一直吃药，没再抽过", "seizure")]
    [InlineData("孩子以前有过高热惊厥，现在想问疫苗能不能打", "seizure")]
    [InlineData("last year he had a febrile seizure, now he has eczema", "seizure")]
    [InlineData("有高热惊厥史，这次只是湿疹", "seizure")]
    [InlineData("孩子确诊癫痫两年，一直吃药，怎样预防癫痫复发？", "seizure")]
    public void Detect_ConditionNamedAsHistory_IsReportedButNotActedOn(string text, string tag)
    {
        Assert.Equal(RedFlagStatus.History, Finding(text, tag)?.Status);
    }

    [Theory]
    [InlineData("确诊癫痫三年，一直吃药，今天又抽了", "seizure")]
    [InlineData("去年抽过一次，今天又抽搐了", "seizure")]
    [InlineData("he has epilepsy and had another fit today", "seizure")]
    [InlineData("儿子确诊癫痫两年，一直吃丙戊酸，上周停药后今天又复发了", "seizure")]
    [InlineData("女儿癫痫一直在吃药，最近癫痫越来越频繁了", "seizure")]
    [InlineData("known epilepsy on levetiracetam, seizures getting worse this week", "seizure")]
    public void Detect_NewEpisodeAfterHistory_IsAffirmed(string text, string tag)
    {
        Assert.Contains(tag, Affirmed(text));
    }

    [Fact]
    public void Detect_AnotherPersonsConditionInAChildsComplaint_IsNotTheChilds()
    {
        Assert.Equal(RedFlagStatus.OtherPerson, Finding("宝宝3岁，脸上湿疹，爷爷上个月中风了", "stroke")?.Status);
        Assert.Equal(RedFlagStatus.OtherPerson, Finding("my 4 year old son has eczema; my father had a stroke", "stroke")?.Status);
    }

    [Fact]
    public void Detect_ComplaintWhollyAboutAnAdult_IsThatAdultsRedFlag()
    {
        Assert.Contains("stroke", Affirmed("我爸爸突然嘴歪了，一侧手脚没力"));
    }

    [Theory]
    [InlineData("抗癫痫药可以和维生素D一起吃吗", "seizure")]
    [InlineData("what is the dose of the seizure medicine for a 5 year old", "seizure")]
    public void Detect_QuestionAboutADrugsName_RaisesNothing(string text, string tag)
    {
        Assert.Null(Finding(text, tag));
    }

    [Fact]
    public void Detect_TypoForFeverWithNonBlanchingSpots_IsFeverPurpura()
    {
        Assert.Contains("fever_purpura", Affirmed("10个月，发骚三天了，身上起了红点点，按了不退色"));
    }

    [Fact]
    public void Detect_TypoEvidence_CitesWhatTheParentWrote()
    {
        var finding = Finding("孩子抽畜了两分钟", "seizure")!;
        Assert.Equal("抽畜", finding.Evidence.Text);
    }

    [Theory]
    [InlineData("A 58-year-old man presents with crushing substernal chest pain radiating to the left arm", "chest_pain")]
    [InlineData("70 year old woman with sudden left-sided weakness and slurred speech", "stroke")]
    [InlineData("19-year-old with fever, neck stiffness and photophobia", "meningism")]
    [InlineData("patient is dyspnoeic at rest, SpO2 88%", "breathing")]
    [InlineData("elderly patient with altered mental status since this morning", "consciousness")]
    [InlineData("孩子发烧，脖子硬，不能低头", "meningism")]
    [InlineData("宝宝发热，囟门鼓起来了", "meningism")]
    public void Detect_ClinicalEnglishAndMeningism_RaiseTheirTags(string text, string tag)
    {
        Assert.Contains(tag, Affirmed(text));
    }

    [Fact]
    public void Detect_StiffNeckWithoutFever_IsNotMeningism()
    {
        Assert.DoesNotContain("meningism", Affirmed("孩子落枕了，脖子硬，转头疼"));
    }

    [Fact]
    public void Detect_LegCramp_IsNotASeizure()
    {
        Assert.DoesNotContain("seizure", Affirmed("孩子晚上腿抽筋，是不是缺钙"));
    }
}
