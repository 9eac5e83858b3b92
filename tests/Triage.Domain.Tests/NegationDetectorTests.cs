namespace Triage.Domain.Tests;

public class NegationDetectorTests
{
    [Theory]
    [InlineData("宝宝没有发烧", "发烧", true)]
    [InlineData("孩子不抽搐", "抽搐", true)]
    [InlineData("无呕吐", "呕吐", true)]
    [InlineData("there is no rash", "rash", true)]
    [InlineData("she denies vomiting", "vomiting", true)]
    [InlineData("发烧，没有咳嗽", "发烧", false)]
    [InlineData("手脚不停抽搐", "抽搐", false)]
    [InlineData("发烧会不会抽搐", "抽搐", false)]
    [InlineData("no fever but now a rash", "rash", false)]
    [InlineData("不发烧但是抽搐", "抽搐", false)]
    [InlineData("宝宝吐奶特别严重", "严重", false)]
    [InlineData("孩子呼吸非常困难", "困难", false)]
    [InlineData("不到半个小时吐了3次", "吐了3次", false)]
    [InlineData("不知道为什么一直吐", "一直吐", false)]
    [InlineData("宝宝特别乖，不吐奶", "吐奶", true)]
    public void IsNegated_ReadsOnlyItsOwnClause(string text, string term, bool negated)
    {
        Assert.Equal(negated, Complaints.Vocabulary.Negation.IsNegated(text, text.IndexOf(term, StringComparison.Ordinal)));
    }
}
