extern alias silo;

using silo::Triage.Silo.Api;
using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Growth;
using Triage.Grains.Cases;
using ApiV1 = silo::Triage.Api.V1;

namespace Triage.Silo.Tests.Api;

/// <summary>A decision reaches the API in one mapping: the recorded decision to the proto message.</summary>
public class CaseMapperTests
{
    private static readonly EligibilityPolicy Policy = new(new KeywordComplaintClassifier(), PilotOptions.Beijing2026(), TimeProvider.System, GrowthReference.LoadShared(AppContext.BaseDirectory));

    [Fact]
    public void ToDecision_SeizureComplaint_CarriesDispositionFlagSpanReasonsAndVersions()
    {
        var decision = Policy.Assess(ComplaintInput.Build("孩子2岁，刚才突然抽搐，两眼上翻"));

        var message = CaseMapper.ToDecision(DecisionRecord.From(decision));

        Assert.Equal(ApiV1.Disposition.Emergency, message.Disposition);
        Assert.Equal(ApiV1.Urgency.Immediate, message.Urgency);
        var flag = Assert.Single(message.RedFlags, f => f.Tag == ApiV1.RedFlagTag.Seizure);
        Assert.Equal("抽搐", flag.Evidence.Text);
        Assert.All(message.Reasons, r => Assert.False(string.IsNullOrEmpty(r.Zh) || string.IsNullOrEmpty(r.En)));
        Assert.Equal(decision.ModelVersion, message.ModelVersion);
        Assert.Equal(decision.PolicyVersion, message.PolicyVersion);
        Assert.Equal(Enum.GetValues<Disposition>().Length, message.DispositionProbabilities.Count);
        Assert.True(message.DispositionProbabilities.Zip(message.DispositionProbabilities.Skip(1)).All(p => p.First.Probability >= p.Second.Probability));
    }
}
