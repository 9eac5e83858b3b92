using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Evaluation;
using Triage.Models.Features;

namespace Triage.Training.Tests;

/// <summary>The in-person thresholds weigh a hazardous case (offline or emergency sent online) at <see cref="ThresholdTuner.HazardCost"/> online errors.</summary>
public class ThresholdTunerTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 1, 4, 0, 0, TimeSpan.Zero);

    private static readonly EligibilityPolicy Policy = new(new KeywordComplaintClassifier(), PilotOptions.Beijing2026(), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(AsOf), Repository.Growth);

    [Theory]
    [InlineData(ThresholdTuner.HazardCost + 2, true)]
    [InlineData(ThresholdTuner.HazardCost, false)]
    public void Tune_OnlineCasesTheModelDoubts_AreSentOnlineOnlyWhenTheyOutweighAHazardousCase(int onlineCases, bool sentOnline)
    {
        // Eczema questions the model rates online at 0.45, one of them labelled offline: sending them all online
        // finds every online case at the price of one hazardous case (10) and one wrong online visit (1).
        var items = Enumerable.Range(0, onlineCases).Select(i => Item($"online-{i}", Disposition.Online))
            .Append(Item("offline-0", Disposition.Offline))
            .ToList();

        var (thresholds, report) = ThresholdTuner.Tune(Policy, items, AsOf);

        Assert.Equal(sentOnline, thresholds.Online <= 0.45);
        Assert.Equal(sentOnline ? 1 : 0, report.HazardousCount);
        Assert.Equal(sentOnline ? onlineCases : 0, report.Confusion(Disposition.Online, Disposition.Online));
    }

    private static (TrainingRecord Record, PreparedComplaint Prepared) Item(string id, Disposition label)
    {
        var record = new LabelledRecord { Id = id, Source = "test", Text = "宝宝8个月，脸上湿疹两周了，不发烧", Disposition = LabelNames.Of(label), Specialty = "dermatology" };
        var reading = Policy.Read(new ComplaintInput { Text = record.Text });
        var classification = new ComplaintClassification
        {
            // out_of_scope, online, emergency, offline, needs_info (Disposition's order); other, growth, nutrition, dermatology
            Dispositions = [0.5, 0.45, 0, 0.02, 0.03],
            Specialties = [0.1, 0, 0, 0.9],
        };
        return (new TrainingRecord(record, "train", label, Specialty.Dermatology, [], reading, new SparseFeatures([], [])), new PreparedComplaint(reading, classification, "test"));
    }
}
