using Triage.Domain.Facts;

namespace Triage.Domain.RedFlags;

/// <summary>The names of <see cref="FactCondition"/> in vocabulary files, and what each means for the facts.</summary>
public static class FactConditions
{
    private static readonly Dictionary<string, FactCondition> ByName = new(StringComparer.Ordinal)
    {
        ["fever"] = FactCondition.Fever,
        ["fever_38"] = FactCondition.Fever38,
        ["fever_5_days"] = FactCondition.Fever5Days,
        ["young_infant"] = FactCondition.YoungInfant,
        ["newborn"] = FactCondition.Newborn,
        ["newborn_or_age_unknown"] = FactCondition.NewbornOrAgeUnknown,
        ["puberty_too_young"] = FactCondition.PubertyTooYoung,
        ["child"] = FactCondition.Child,
    };

    /// <summary>Age in months under which a fever is an emergency and jaundice a newborn's (3 months, with a few days' slack).</summary>
    public const double YoungInfantMonths = 3.05;

    /// <summary>Parses a condition's name; false when unknown.</summary>
    public static bool TryParse(string name, out FactCondition condition) => ByName.TryGetValue(name, out condition);

    /// <summary>True when <paramref name="facts"/> meet <paramref name="condition"/>.</summary>
    public static bool Holds(FactCondition condition, ComplaintFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return condition switch
        {
            FactCondition.Fever => facts.Fever,
            FactCondition.Fever38 => facts.Fever && (facts.TemperatureC is null || facts.TemperatureC >= 38),
            FactCondition.Fever5Days => facts.FeverDays >= 5,
            FactCondition.YoungInfant => facts.IsYoungInfant,
            FactCondition.Newborn => facts.AgeMonths is < YoungInfantMonths || facts.Newborn,
            FactCondition.NewbornOrAgeUnknown => facts.AgeMonths is < YoungInfantMonths || facts.Newborn || facts.AgeMonths is null,
            FactCondition.PubertyTooYoung => facts.AgeMonths is { } m && (facts.Sex == Sex.Female ? m < 72 : m < 108),
            FactCondition.Child => facts.Subject != PatientSubject.Adult,
            _ => throw new ArgumentOutOfRangeException(nameof(condition)),
        };
    }
}
