using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Evaluation;

namespace Triage.Domain.Tests;

/// <summary>
/// Regression guard on the labelled validation split (read from ../shared/data, never copied):
/// the rules may only get safer. Floors are the figures measured when the rules were written,
/// rounded down; raise them when the rules improve.
/// </summary>
public class ValidationSafetyTests
{
    private const double FloorRecall = 0.68;
    private const double CeilingHazard = 0.14;
    private const double FloorOnline = 0.62;

    [Fact]
    public void Validation_RulesFirstPolicy_KeepsItsMeasuredSafety()
    {
        var folder = LabelledData.FindSharedDataFolder(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("../shared/data/validation.jsonl not found above " + AppContext.BaseDirectory);
        var policy = new EligibilityPolicy(new KeywordComplaintClassifier(), PilotOptions.Beijing2026(), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)), SharedGrowth.Reference);
        var report = new EvaluationReport();
        foreach (var r in LabelledData.Read(Path.Combine(folder, "validation.jsonl")))
        {
            Assert.True(LabelNames.TryParseDisposition(r.Disposition, out var expected));
            Assert.True(LabelNames.TryParseSpecialty(r.Specialty, out var specialty));
            var d = policy.Assess(new ComplaintInput { Text = r.Text });
            report.Add(r.Id, expected, d.Disposition, specialty, d.Specialty);
        }

        Assert.Equal(792, report.Count);
        Assert.True(report.EmergencyRecall >= FloorRecall, $"emergency recall {report.EmergencyRecall:F3}");
        Assert.True(report.HazardousUnderTriage <= CeilingHazard, $"hazardous under-triage {report.HazardousUnderTriage:F3}");
        Assert.True(report.OnlineRecall >= FloorOnline, $"online recall {report.OnlineRecall:F3}");
    }
}
