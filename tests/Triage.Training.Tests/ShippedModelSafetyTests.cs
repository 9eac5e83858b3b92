using Triage.Models.Classification;
using Triage.Models.Decision;
using Triage.Models.Evaluation;

namespace Triage.Training.Tests;

/// <summary>
/// The served model, through the served policy, gives exactly the validation figures its model
/// card reports, and those stay above the safety floors measured when it shipped.
/// </summary>
public class ShippedModelSafetyTests
{
    private const double FloorEmergencyRecall = 0.98;
    private const double CeilingHazardous = 0.02;

    [Fact]
    public void ShippedModel_OnValidation_MatchesItsCardAndKeepsItsSafety()
    {
        using var classifier = new OnnxComplaintClassifier(Repository.ShippedModel);
        var policy = new EligibilityPolicy(classifier, PilotOptions.Beijing2026(), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 4, 0, 0, TimeSpan.Zero)), Repository.Growth);
        var report = new EvaluationReport();
        foreach (var r in LabelledData.Read(Path.Combine(Repository.DataFolder, "validation.jsonl")))
        {
            Assert.True(LabelNames.TryParseDisposition(r.Disposition, out var expected));
            Assert.True(LabelNames.TryParseSpecialty(r.Specialty, out var specialty));
            var d = policy.Assess(new ComplaintInput { Text = r.Text });
            Assert.Equal(classifier.Version, d.ModelVersion);
            report.Add(r.Id, expected, d.Disposition, specialty, d.Specialty);
        }

        var card = classifier.Card.Metrics["validation"]!;
        Assert.Equal((double)card["emergencyRecall"]!, Math.Round(report.EmergencyRecall, 4));
        Assert.Equal((double)card["hazardousUnderTriage"]!, Math.Round(report.HazardousUnderTriage, 4));
        Assert.Equal((double)card["onlineRecall"]!, Math.Round(report.OnlineRecall, 4));
        Assert.True(report.EmergencyRecall >= FloorEmergencyRecall, $"emergency recall {report.EmergencyRecall:F3}");
        Assert.True(report.HazardousUnderTriage <= CeilingHazardous, $"hazardous under-triage {report.HazardousUnderTriage:F3}");
    }

    [Fact]
    public void ShippedModel_EveryDecision_ExplainsItselfWithNamedFeatures()
    {
        using var classifier = new OnnxComplaintClassifier(Repository.ShippedModel);
        var policy = new EligibilityPolicy(classifier, PilotOptions.Beijing2026(), TimeProvider.System, Repository.Growth);
        var d = policy.Assess(new ComplaintInput { Text = "宝宝8个月，脸上湿疹两周了，不发烧" });
        Assert.NotEmpty(d.Explanation);
        Assert.All(d.Explanation, e => Assert.DoesNotContain("#", e.Feature, StringComparison.Ordinal));
        Assert.Contains(d.Explanation, e => e.Feature.StartsWith("c:", StringComparison.Ordinal) || e.Feature.StartsWith("lex:", StringComparison.Ordinal) || e.Feature.StartsWith("f:", StringComparison.Ordinal));
    }
}
