using System.Text.Json;
using Triage.Analytics.Queries;

namespace Triage.Analytics.Tests.Queries;

/// <summary>The evaluation's figures over a seeded year agree with what the seeding wrote, counted independently as it wrote.</summary>
public sealed class EvaluationQueriesTests : IDisposable
{
    private readonly SeededDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Volumes_OverASeededYear_MatchWhatWasWritten()
    {
        var tally = await _db.SeedAsync(4_000);

        var volumes = await _db.Queries.RunAsync("volumes", SeededDatabase.Year());

        var row = Assert.Single(volumes.Rows);
        Assert.Equal(tally.Cases, row["cases"]);
        Assert.Equal(tally.Cases, row["assessments"]);
        foreach (var (disposition, count) in tally.Dispositions)
        {
            Assert.Equal(count, row[disposition]);
        }

        Assert.Equal(tally.Booked, row["booked"]);
        Assert.Equal(tally.Started, row["started"]);
        Assert.Equal(tally.Completed, row["completed"]);
        Assert.Equal(tally.Terminated.Values.Sum(), row["terminated"]);
    }

    [Fact]
    public async Task VolumesByMonth_CountEachMonthInBeijingTime()
    {
        var tally = await _db.SeedAsync(2_400);

        var byMonth = await _db.Queries.RunAsync("volumes", SeededDatabase.Year("month"));

        Assert.Equal(tally.ByMonth.Keys, byMonth.Rows.Select(r => r.Keys["month"]));
        Assert.Equal(tally.ByMonth.Values.Select(v => (double?)v), byMonth.Rows.Select(r => r["cases"]));
    }

    [Fact]
    public async Task VisitsAndCompliance_CountAlertsTerminationsAndEveryBreach()
    {
        var tally = await _db.SeedAsync(6_000);

        var visits = Assert.Single((await _db.Queries.RunAsync("visits", SeededDatabase.Year())).Rows);
        var compliance = Assert.Single((await _db.Queries.RunAsync("compliance", SeededDatabase.Year())).Rows);

        Assert.Equal(tally.Alerts, visits["alerts"]);
        Assert.Equal(tally.Terminated.GetValueOrDefault("emergency"), visits["terminated_emergency"]);
        Assert.Equal(tally.Terminated.GetValueOrDefault("unsuitable_online"), visits["terminated_unsuitable_online"]);
        // Every booked case was decided online, so each one the physician stopped as an emergency is a hazardous miss.
        Assert.Equal(tally.Terminated.GetValueOrDefault("emergency"), visits["hazardous_misses"]);
        Assert.Equal(tally.WithoutGuardian, compliance["without_guardian"]);
        Assert.Equal(tally.NotWhitelisted, compliance["not_whitelisted_at_start"]);
        Assert.Equal(tally.Prescriptions, compliance["prescriptions"]);
        Assert.Equal(tally.UnsignedPrescriptions, compliance["unsigned_prescriptions"]);
        Assert.Equal(tally.AfterUnacknowledgedAlert, compliance["prescriptions_after_unacknowledged_alert"]);
        Assert.Equal(tally.Continued, visits["continued_after_alert"]);
        Assert.Equal(tally.HandedBack, visits["handed_back"]);
        Assert.True(tally.WithoutGuardian + tally.NotWhitelisted > 0 && tally.HandedBack > 0 && tally.Continued > 0, "the seeding writes some breaches, hand-backs and decisions to continue");
    }

    [Fact]
    public async Task Agreement_KappaFromTheMatrix_AndSpecialtyAgreementAsWritten()
    {
        var tally = await _db.SeedAsync(6_000);

        var agreement = await _db.Queries.RunAsync("agreement", SeededDatabase.Year());
        var specialty = agreement.Rows.Where(r => r.Keys["axis"] == "specialty").ToList();

        Assert.Equal(2, specialty.Count); // one per model version
        Assert.Equal(tally.Completed, specialty.Sum(r => r["cases"]));
        Assert.Equal(tally.SpecialtyAgreed, specialty.Sum(r => r["agreed"]));
        Assert.All(specialty, r => Assert.InRange(r["kappa"]!.Value, 0.5, 1.0));
        // The physician only sees cases decided online: the disposition's kappa is undefined or zero, never invented.
        Assert.All(agreement.Rows.Where(r => r.Keys["axis"] == "disposition"), r => Assert.True(r["kappa"] is null or 0));
    }

    [Fact]
    public async Task SmallGroups_AreSuppressed_AndNothingIdentifyingIsReturned()
    {
        await _db.SeedAsync(1_500);
        var filter = SeededDatabase.Year("month", "hospital", "specialty", "age_band", "province");

        var all = await _db.Queries.RunAllAsync(filter);

        var volumes = all["volumes"];
        Assert.True(volumes.SuppressedGroups > 0);
        Assert.All(all.Values.SelectMany(t => t.Rows), r => Assert.True(r["cases"] >= EvaluationQueries.MinimumGroupSize));
        var json = JsonSerializer.Serialize(all);
        var keys = await CaseAndPhysicianKeysAsync();
        Assert.NotEmpty(keys);
        Assert.DoesNotContain(keys, json.Contains);
        Assert.DoesNotContain("合成", json);
        Assert.DoesNotContain("dr-", json);
    }

    [Fact]
    public async Task Filters_KeepOnlyTheirGroup_AndTheDateRangeIsInBeijingDays()
    {
        await _db.SeedAsync(3_000);
        var year = await _db.Queries.RunAsync("volumes", SeededDatabase.Year("hospital", "month"));

        var filtered = await _db.Queries.RunAsync("volumes", SeededDatabase.Year() with
        {
            From = new DateOnly(2026, 3, 1),
            To = new DateOnly(2026, 3, 31),
            Where = new Dictionary<string, string> { ["hospital"] = "BCH" },
        });

        var march = Assert.Single(year.Rows, r => r.Keys["hospital"] == "BCH" && r.Keys["month"] == "2026-03");
        Assert.Equal(march["cases"], Assert.Single(filtered.Rows)["cases"]);
    }

    [Fact]
    public async Task UnknownDimension_IsRefusedNamingTheField()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => _db.Queries.RunAsync("volumes", SeededDatabase.Year("patient")));
        Assert.StartsWith("group_by:", e.Message);
    }

    private async Task<List<string>> CaseAndPhysicianKeysAsync()
    {
        await using var connection = await _db.Journals.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT case_id FROM case_events LIMIT 200";
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
