using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Evaluation;
using Triage.Domain.RedFlags;
using Triage.Models.Classification;

namespace Triage.Training.Tests;

/// <summary>
/// The served model, through the served policy, gives exactly the validation figures its model
/// card reports, keeps the safety floors measured when it shipped, and explains its decisions.
/// </summary>
public class ShippedModelSafetyTests
{
    // The figures measured when this model shipped, rounded towards failing: a change may only
    // improve them. The targets (recall 0.98 and the rest) and how far each is met are in the README.
    private const double FloorValidationRecall = 0.97;
    private const double CeilingValidationHazardous = 0.02;
    private const double FloorCrossSourceRecall = 0.89;
    private const double CeilingCrossSourceHazardous = 0.02;

    private static readonly DateTimeOffset AsOf = new(2026, 6, 1, 4, 0, 0, TimeSpan.Zero);

    private static EligibilityPolicy Policy(OnnxComplaintClassifier classifier) =>
        new(classifier, PilotOptions.Beijing2026(), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(AsOf), Repository.Growth);

    [Fact]
    public void ShippedModel_OnValidation_MatchesItsCardAndKeepsItsSafety()
    {
        using var classifier = new OnnxComplaintClassifier(Repository.ShippedModel);
        var policy = Policy(classifier);
        var report = new EvaluationReport();
        foreach (var r in LabelledData.Read(Path.Combine(Repository.DataFolder, "validation.jsonl")))
        {
            var d = policy.Assess(ComplaintInput.Build(r.Text));
            Assert.Equal(classifier.Version, d.ModelVersion);
            report.Add(r.Id, LabelNames.ParseDisposition(r.Disposition), d.Disposition, LabelNames.ParseSpecialty(r.Specialty), d.Specialty);
        }

        var card = classifier.Card.Metrics["validation"]!;
        Assert.Equal((double)card["emergencyRecall"]!, Math.Round(report.EmergencyRecall, 4));
        Assert.Equal((int)card["hazardousCount"]!, report.HazardousCount);
        Assert.Equal((int)card["falseAlarms"]!, report.FalseAlarmCount);
        Assert.Equal((double)card["onlineRecall"]!, Math.Round(report.OnlineRecall, 4));
        Assert.True(report.EmergencyRecall >= FloorValidationRecall, $"emergency recall {report.EmergencyRecall:F3}");
        Assert.True(report.HazardousUnderTriage <= CeilingValidationHazardous, $"hazardous under-triage {report.HazardousUnderTriage:F3}");

        var crossSource = classifier.Card.Metrics["crossSource"]!["pooled"]!;
        Assert.True((double)crossSource["emergencyRecall"]! >= FloorCrossSourceRecall, $"cross-source emergency recall {crossSource["emergencyRecall"]}");
        Assert.True((double)crossSource["hazardousUnderTriage"]! <= CeilingCrossSourceHazardous, $"cross-source hazardous {crossSource["hazardousUnderTriage"]}");
    }

    [Fact]
    public void ShippedModel_EveryDecision_ExplainsItselfWithNamedFeaturesOfTheDecidedClass()
    {
        using var classifier = new OnnxComplaintClassifier(Repository.ShippedModel);
        var d = Policy(classifier).Assess(ComplaintInput.Build("宝宝8个月，脸上湿疹两周了，不发烧"));
        Assert.NotEmpty(d.Explanation);
        Assert.All(d.Explanation, e => Assert.DoesNotContain("#", e.Feature, StringComparison.Ordinal));
        Assert.All(d.Explanation, e => Assert.Equal($"disposition:{LabelNames.Of(d.Disposition)}", e.Target));
        Assert.Contains(d.Explanation, e => e.Feature.StartsWith("c:", StringComparison.Ordinal) || e.Feature.StartsWith("s:", StringComparison.Ordinal) || e.Feature.StartsWith("lex:", StringComparison.Ordinal));
    }

    // With the sharpened vocabulary the tuned thresholds lie above what the model gives the complaints the
    // vocabulary misses on validation, so there its emergencies all come with a vocabulary flag. The
    // model's own two routes are checked at thresholds its scores reach: the words are the same served ones.
    [Fact]
    public void LearnedFlagAlone_AtAThresholdItsScoresReach_SaysSoWithItsProbabilityAndEmergencyFeatures()
    {
        using var classifier = new OnnxComplaintClassifier(Repository.ShippedModel);
        var policy = Policy(classifier);
        var thresholds = classifier.Thresholds with { Emergency = 1.01, RedFlag = 0.1 };
        var learnedAlone = DecideValidation(policy, thresholds)
            .Where(d => d.Disposition == Disposition.Emergency && d.RedFlags.Where(f => f.Affirmed && f.Severity == RedFlagSeverity.Emergency).All(f => f.Source == RedFlagSource.Model))
            .ToList();
        Assert.NotEmpty(learnedAlone);
        foreach (var d in learnedAlone)
        {
            Assert.All(d.RedFlags.Where(f => f.Affirmed && f.Severity == RedFlagSeverity.Emergency), f => Assert.NotNull(f.Probability));
            var reasons = d.Reasons.Where(r => r.Code.StartsWith("red_flag.", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, r => Assert.Contains("%", r.En, StringComparison.Ordinal));
            AssertExplainsEmergency(d);
        }
    }

    [Fact]
    public void SafetyNetAlone_AtAThresholdItsScoresReach_SaysSoWithItsProbabilityAndEmergencyFeatures()
    {
        using var classifier = new OnnxComplaintClassifier(Repository.ShippedModel);
        var policy = Policy(classifier);
        var thresholds = classifier.Thresholds with { Emergency = 0.005 };
        var netAlone = DecideValidation(policy, thresholds)
            .Where(d => d.Disposition == Disposition.Emergency && !d.RedFlags.Any(f => f.Affirmed && f.Severity == RedFlagSeverity.Emergency))
            .ToList();
        Assert.NotEmpty(netAlone);
        foreach (var d in netAlone)
        {
            var reason = Assert.Single(d.Reasons, r => r.Code == "model_emergency");
            Assert.Contains("%", reason.En, StringComparison.Ordinal);
            AssertExplainsEmergency(d);
        }
    }

    private static IEnumerable<TriageDecision> DecideValidation(EligibilityPolicy policy, DecisionThresholds thresholds) =>
        LabelledData.Read(Path.Combine(Repository.DataFolder, "validation.jsonl"))
            .Select(r => ComplaintInput.Build(r.Text))
            .Select(input => policy.Decide(policy.Prepare(input), input, thresholds, AsOf));

    private static void AssertExplainsEmergency(TriageDecision d)
    {
        Assert.All(d.Explanation, e => Assert.Equal("disposition:emergency", e.Target));
        Assert.All(d.Explanation, e => Assert.True(e.Weight > 0));
    }

    [Theory]
    [InlineData("孩子不舒服\n3岁")]
    [InlineData("宝宝怎么办\n2岁")]
    [InlineData("my child\n4 years old")]
    public void ShippedModel_NoSymptomEverGiven_IsNeverOnline(string text)
    {
        using var classifier = new OnnxComplaintClassifier(Repository.ShippedModel);
        var d = Policy(classifier).Assess(ComplaintInput.Build(text, guardianPresent: true));
        Assert.NotEqual(Disposition.Online, d.Disposition);
    }
}
