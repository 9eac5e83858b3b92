using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Physicians;

namespace Triage.Domain.Tests;

/// <summary>Each whitelist rule of the pilot at its boundary: the day before fails, the day itself passes.</summary>
public class PhysicianWhitelistTests
{
    private static readonly DateOnly Day = new(2026, 6, 1);
    private static readonly PhysicianWhitelist Whitelist = new(PilotOptions.Beijing2026());

    private static PhysicianCredentials Qualified() => new()
    {
        LicenceNumber = "110000000000001",
        LicenceSpecialties = [Specialty.Dermatology],
        LicenceValidUntil = new DateOnly(2030, 12, 31),
        Hospital = "BCH",
        Title = PhysicianTitle.Attending,
        IndependentPracticeSince = Day.AddYears(-3),
        InternetFollowUpSince = Day.AddYears(-1),
        TrainingPassedOn = Day,
    };

    private static IEnumerable<string> Failed(PhysicianCredentials c, DateOnly? on = null, bool suspended = false) =>
        Whitelist.Evaluate(c, suspended, on ?? Day).Failures.Select(f => f.Rule);

    [Fact]
    public void Evaluate_EveryRuleMetOnItsBoundaryDay_IsWhitelistedForTheLicensedSpecialty()
    {
        var status = Whitelist.Evaluate(Qualified(), suspended: false, Day);
        Assert.True(status.Whitelisted, string.Join("; ", status.Failures.Select(f => f.Reason)));
        Assert.Equal([Specialty.Dermatology], status.Specialties);
        Assert.False(status.Covers(Specialty.Growth));
    }

    [Fact]
    public void Evaluate_IndependentPracticeOneDayShortOfThreeYears_FailsThatRule()
    {
        Assert.Equal(["independent_practice"], Failed(Qualified() with { IndependentPracticeSince = Day.AddYears(-3).AddDays(1) }));
    }

    [Fact]
    public void Evaluate_InternetFollowUpOneDayShortOfAYear_FailsThatRuleAndSaysWhenItQualifies()
    {
        var status = Whitelist.Evaluate(Qualified() with { InternetFollowUpSince = Day.AddYears(-1).AddDays(1) }, false, Day);
        Assert.Equal(["internet_follow_up"], status.Failures.Select(f => f.Rule));
        Assert.Equal(Day.AddDays(1), status.ChangesOn);
    }

    [Theory]
    [InlineData(PhysicianTitle.Resident, false)]
    [InlineData(PhysicianTitle.Attending, true)]
    [InlineData(PhysicianTitle.AssociateChief, true)]
    [InlineData(PhysicianTitle.Chief, true)]
    public void Evaluate_Title_AttendingOrAboveIsRequired(PhysicianTitle title, bool whitelisted)
    {
        Assert.Equal(whitelisted, Whitelist.Evaluate(Qualified() with { Title = title }, false, Day).Whitelisted);
    }

    [Fact]
    public void Evaluate_NoTrainingOrTrainingTomorrow_FailsTraining()
    {
        Assert.Equal(["training"], Failed(Qualified() with { TrainingPassedOn = null }));
        Assert.Equal(["training"], Failed(Qualified() with { TrainingPassedOn = Day.AddDays(1) }));
    }

    [Fact]
    public void Evaluate_LicenceLapsesAtTheEndOfItsLastDay_ByItself()
    {
        var c = Qualified() with { LicenceValidUntil = Day };
        var today = Whitelist.Evaluate(c, false, Day);
        Assert.True(today.Whitelisted);
        Assert.Equal(Day.AddDays(1), today.ChangesOn);
        Assert.Equal(["licence_expired"], Failed(c, Day.AddDays(1)));
    }

    [Fact]
    public void Evaluate_LicenceWithoutAPilotSpecialty_FailsLicence()
    {
        Assert.Equal(["licence"], Failed(Qualified() with { LicenceSpecialties = [Specialty.Other] }));
    }

    [Fact]
    public void Evaluate_NotAPilotHospital_FailsHospital()
    {
        Assert.Contains("hospital", Failed(Qualified() with { Hospital = "XYZ" }));
    }

    [Fact]
    public void Evaluate_Suspended_IsOffTheWhitelistWithTheReason()
    {
        Assert.Equal(["suspended"], Failed(Qualified(), suspended: true));
    }

    [Fact]
    public void Evaluate_AfterThePilotEnds_IsOffTheWhitelist()
    {
        var c = Qualified();
        Assert.True(Whitelist.Evaluate(c, false, new DateOnly(2026, 12, 31)).Whitelisted);
        Assert.Equal(["pilot_period"], Failed(c, new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void Evaluate_ManyRulesFailed_ListsEachWithItsReason()
    {
        var status = Whitelist.Evaluate(Qualified() with { Title = PhysicianTitle.Resident, TrainingPassedOn = null, InternetFollowUpSince = null }, false, Day);
        Assert.Equal(["title", "internet_follow_up", "training"], status.Failures.Select(f => f.Rule));
        Assert.All(status.Failures, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
        Assert.Empty(status.Specialties);
    }
}
