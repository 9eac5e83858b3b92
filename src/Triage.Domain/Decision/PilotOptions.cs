using Triage.Domain.Classification;

namespace Triage.Domain.Decision;

/// <summary>
/// The pilot as configuration: adding a hospital or a specialty, or moving the period, is a
/// settings change (section <c>Pilot</c>), not a code change.
/// </summary>
public sealed class PilotOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Pilot";

    /// <summary>Recorded with every decision; change it whenever the rules or these settings change.</summary>
    public string PolicyVersion { get; set; } = string.Empty;

    /// <summary>First day (Beijing time) on which online first visits may be booked.</summary>
    public DateOnly Start { get; set; }

    /// <summary>Last day (Beijing time), inclusive.</summary>
    public DateOnly End { get; set; }

    /// <summary>Patients must be younger than this, in years.</summary>
    public int MaxAgeYears { get; set; } = 18;

    /// <summary>
    /// How long a physician's real-name check counts, in minutes: it must be done before each
    /// consultation, so one made longer ago than this does not start one.
    /// </summary>
    public int RealNameCheckMaxAgeMinutes { get; set; } = 30;

    /// <summary>Hospitals admitted to the pilot.</summary>
    public List<PilotHospital> Hospitals { get; set; } = [];

    /// <summary>The specialties offered by at least one pilot hospital.</summary>
    public IEnumerable<Specialty> Specialties => Hospitals.SelectMany(h => h.Specialties).Where(s => s != Specialty.Other).Distinct();

    /// <summary>The Beijing internet first-visit pilot as published for 2026.</summary>
    public static PilotOptions Beijing2026() => new()
    {
        PolicyVersion = "bj-first-visit-2026.1",
        Start = new DateOnly(2026, 1, 1),
        End = new DateOnly(2026, 12, 31),
        Hospitals =
        [
            new PilotHospital { Code = "BCH", NameZh = "北京儿童医院", NameEn = "Beijing Children's Hospital", Specialties = [Specialty.Growth, Specialty.Nutrition, Specialty.Dermatology] },
            new PilotHospital { Code = "CCCH", NameZh = "首都儿童医学中心", NameEn = "Capital Center for Children's Health", Specialties = [Specialty.Growth, Specialty.Nutrition, Specialty.Dermatology] },
        ],
    };
}
