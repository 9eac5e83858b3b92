using System.Text.Json;
using Triage.Domain.Classification;
using Triage.Domain.Facts;
using Triage.Domain.RedFlags;
using Triage.Grains.Cases;
using Triage.Grains.Visits;

namespace Triage.Grains.Tests;

/// <summary>The journal's one spelling of the vocabulary: policy names, and a name it does not know is a failed read, never a default.</summary>
public class CaseJsonTests
{
    [Fact]
    public void Serialize_TypedValues_WritesThePolicyNames()
    {
        var json = CaseJson.Serialize(new VisitAlert([RedFlagTag.GiBleedVomiting, RedFlagTag.InfantFever], Disposition.OutOfScope, "emergency"));
        Assert.Contains("\"gi_bleed_vomiting\"", json, StringComparison.Ordinal);
        Assert.Contains("\"infant_fever\"", json, StringComparison.Ordinal);
        Assert.Contains("\"out_of_scope\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"redFlags":["seizure"],"disposition":"urgent","suggestedTermination":"emergency"}""")]
    [InlineData("""{"redFlags":["seizure"],"disposition":2,"suggestedTermination":"emergency"}""")]
    [InlineData("""{"redFlags":["fits"],"disposition":"emergency","suggestedTermination":"emergency"}""")]
    public void Deserialize_UnknownOrNumberedValue_FailsLoudly(string payload)
    {
        Assert.Throws<JsonException>(() => CaseJson.Deserialize<VisitAlert>(payload));
    }

    [Fact]
    public void Deserialize_FirstVersionRedFlagAndSex_KeepTheirMeaning()
    {
        var flag = CaseJson.Deserialize<RedFlagRecord>("""{"tag":"seizure","severity":"emergency","start":3,"length":2,"evidence":"抽搐","negated":true}""");
        Assert.Equal(RedFlagTag.Seizure, flag.Tag);
        Assert.Equal(RedFlagStatus.Negated, flag.Status);
        Assert.False(flag.Affirmed);

        var affirmed = CaseJson.Deserialize<RedFlagRecord>("""{"tag":"seizure","severity":"emergency","start":3,"length":2,"evidence":"抽搐","negated":false}""");
        Assert.True(affirmed.Affirmed);

        Assert.Equal(Sex.Unknown, CaseJson.Deserialize<PatientDetails>("""{"sex":""}""").Sex);
        Assert.Equal(Sex.Female, CaseJson.Deserialize<PatientDetails>("""{"sex":"female"}""").Sex);
        Assert.Throws<JsonException>(() => CaseJson.Deserialize<PatientDetails>("""{"sex":"girl"}"""));
    }

    [Fact]
    public void RoundTrip_RedFlagRecord_KeepsStatusSourceAndProbability()
    {
        var record = new RedFlagRecord { Tag = RedFlagTag.Breathing, Status = RedFlagStatus.Affirmed, Source = RedFlagSource.Model, Probability = 0.31 };
        var json = CaseJson.Serialize(record);
        Assert.DoesNotContain("negated", json, StringComparison.Ordinal);
        Assert.Equal(record, CaseJson.Deserialize<RedFlagRecord>(json));
    }
}
