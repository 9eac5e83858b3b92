using Triage.Domain.Facts;

namespace Triage.Grains.Cases;

/// <summary>What the booking app said about the patient. Age may come as days, months or a birth date.</summary>
[GenerateSerializer, Immutable, Alias("triage.PatientDetails")]
public sealed record PatientDetails
{
    /// <summary>Age in days, for infants.</summary>
    [Id(0)] public int? AgeDays { get; init; }

    /// <summary>Age in whole months.</summary>
    [Id(1)] public int? AgeMonths { get; init; }

    /// <summary>Date of birth.</summary>
    [Id(2)] public DateOnly? BirthDate { get; init; }

    /// <summary>Sex, where the app said so.</summary>
    [Id(3)] public Sex Sex { get; init; }

    /// <summary>Province of residence (free text, e.g. 北京).</summary>
    [Id(4)] public string Province { get; init; } = string.Empty;

    /// <summary>Whether the app confirmed a guardian is present; null when not said.</summary>
    [Id(5)] public bool? GuardianPresent { get; init; }

    /// <summary>Preferred pilot hospital code, if any.</summary>
    [Id(6)] public string PreferredHospital { get; init; } = string.Empty;

    /// <summary>Age in months on <paramref name="today"/>, from whichever field was given (birth date first).</summary>
    public double? AgeMonthsOn(DateOnly today)
    {
        if (BirthDate is { } birth)
        {
            return AgeUnits.MonthsFromDays(today.DayNumber - birth.DayNumber);
        }

        return AgeDays is { } days ? AgeUnits.MonthsFromDays(days) : AgeMonths;
    }

    /// <summary>Later facts overwrite earlier ones field by field; unset fields keep what was known.</summary>
    public PatientDetails Update(PatientDetails? later)
    {
        if (later is null)
        {
            return this;
        }

        var ageGiven = later.AgeDays is not null || later.AgeMonths is not null || later.BirthDate is not null;
        return new PatientDetails
        {
            AgeDays = ageGiven ? later.AgeDays : AgeDays,
            AgeMonths = ageGiven ? later.AgeMonths : AgeMonths,
            BirthDate = ageGiven ? later.BirthDate : BirthDate,
            Sex = later.Sex != Sex.Unknown ? later.Sex : Sex,
            Province = later.Province.Length > 0 ? later.Province : Province,
            GuardianPresent = later.GuardianPresent ?? GuardianPresent,
            PreferredHospital = later.PreferredHospital.Length > 0 ? later.PreferredHospital : PreferredHospital,
        };
    }
}
