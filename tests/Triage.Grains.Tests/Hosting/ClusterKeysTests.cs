using Microsoft.Extensions.Configuration;
using Triage.Grains.Hosting;

namespace Triage.Grains.Tests.Hosting;

public sealed class ClusterKeysTests
{
    private static readonly Dictionary<string, string?> AllKeys = new()
    {
        ["Journal:Keys:k1"] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        ["Patients:PseudonymKey"] = "HyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4=",
        ["Audit:CheckpointKey"] = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=",
    };

    [Fact]
    public void Require_EveryKeyConfigured_Passes() =>
        ClusterKeys.Require(new ConfigurationBuilder().AddInMemoryCollection(AllKeys).Build());

    [Theory]
    [InlineData("Journal:Keys:k1", "Journal:Keys")]
    [InlineData("Patients:PseudonymKey", "Patients:PseudonymKey")]
    [InlineData("Audit:CheckpointKey", "Audit:CheckpointKey")]
    public void Require_AKeyMissing_RefusesNamingTheSetting(string left, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(AllKeys.Where(k => k.Key != left)).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => ClusterKeys.Require(configuration));

        Assert.StartsWith(named + ":", refused.Message, StringComparison.Ordinal);
    }
}
