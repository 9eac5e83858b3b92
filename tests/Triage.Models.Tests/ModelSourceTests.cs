using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Growth;
using Triage.Models.Classification;

namespace Triage.Models.Tests;

public class ModelSourceTests
{
    [Fact]
    public void Policy_OverModelSource_DecidesWithTheModelSwappedIn()
    {
        var source = new ModelSource(new KeywordComplaintClassifier());
        var policy = new EligibilityPolicy(source, PilotOptions.Beijing2026(), TimeProvider.System, GrowthReference.LoadShared(AppContext.BaseDirectory));
        var input = ComplaintInput.Build("宝宝8个月，脸上湿疹两周了，不发烧，吃奶睡觉都好");
        Assert.Equal(KeywordComplaintClassifier.RulesVersion, policy.Assess(input).ModelVersion);

        using var served = ModelFolder.LoadCurrent(ShippedModels());
        var previous = source.Swap(served);

        Assert.Equal(KeywordComplaintClassifier.RulesVersion, previous.Version);
        Assert.Equal(served.Version, policy.ModelVersion);
        Assert.Equal(served.Version, policy.Assess(input).ModelVersion);
    }

    [Fact]
    public void LoadCurrent_PublishedVersion_IsServedOnceAndNotReloadedAgain()
    {
        var source = new ModelSource(new KeywordComplaintClassifier());
        var expected = ModelFolder.CurrentVersion(ShippedModels());

        Assert.Equal((KeywordComplaintClassifier.RulesVersion, expected), source.LoadCurrent(ShippedModels()));
        var served = source.Current;
        Assert.Equal((expected, expected), source.LoadCurrent(ShippedModels()));
        Assert.Same(served, source.Current);
        ((IDisposable)served).Dispose();
    }

    internal static string ShippedModels()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "models", ModelFolder.CurrentFile)))
            {
                return Path.Combine(dir.FullName, "models");
            }
        }

        throw new DirectoryNotFoundException("no models/current above the test binaries");
    }
}
