using Triage.Models.Facts;
using Triage.Models.RedFlags;
using Triage.Models.Text;

namespace Triage.Models.Tests;

public class RedFlagDetectorTests
{
    private static IReadOnlyList<RedFlagFinding> Detect(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return RedFlagDetector.Detect(normalized, FactExtractor.Extract(normalized));
    }

    private static IEnumerable<string> Affirmed(string text) => Detect(text).Where(f => !f.Negated).Select(f => f.Tag);

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
        var finding = Detect(text).Single(f => f.Tag == tag && !f.Negated);
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
        Assert.Contains(Detect(text), f => f.Tag == tag && f.Severity == RedFlagSeverity.Offline && !f.Negated);
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
        var finding = Assert.Single(Detect("宝宝3岁，不抽搐"), f => f.Tag == "seizure");
        Assert.True(finding.Negated);
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
}
