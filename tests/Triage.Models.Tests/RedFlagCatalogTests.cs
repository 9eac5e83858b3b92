using Triage.Models.Decision;
using Triage.Models.RedFlags;

namespace Triage.Models.Tests;

public class RedFlagCatalogTests
{
    public static TheoryData<string> PolicyTags() => [.. RedFlagCatalog.EmergencyTags.Concat(RedFlagCatalog.OfflineTags)];

    [Theory]
    [MemberData(nameof(PolicyTags))]
    public void Catalog_EveryPolicyTag_HasARuleAndAWordedReason(string tag)
    {
        Assert.Contains(RedFlagCatalog.Rules, r => r.Tag == tag);
        var reason = DecisionTexts.RedFlagReason(tag);
        // The fallback wording repeats the bare tag; a described tag has words of its own.
        Assert.NotEqual($"危险信号：{tag}", reason.Zh);
        Assert.NotEqual($"Red flag: {tag}", reason.En);
    }

    [Fact]
    public void Catalog_Rules_RaiseOnlyPolicyTagsWithTheirSeverity()
    {
        foreach (var rule in RedFlagCatalog.Rules)
        {
            var expected = RedFlagCatalog.EmergencyTags.Contains(rule.Tag) ? RedFlagSeverity.Emergency : RedFlagSeverity.Offline;
            Assert.True(RedFlagCatalog.EmergencyTags.Contains(rule.Tag) || RedFlagCatalog.OfflineTags.Contains(rule.Tag), rule.Tag);
            Assert.Equal(expected, rule.Severity);
        }
    }
}
