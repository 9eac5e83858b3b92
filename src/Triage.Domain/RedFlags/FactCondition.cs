using Triage.Domain.Facts;

namespace Triage.Domain.RedFlags;

/// <summary>
/// The conditions on a complaint's facts a vocabulary rule may require (its <c>when</c> list):
/// the parts of the policy that are about age, sex and fever rather than words.
/// </summary>
public enum FactCondition
{
    /// <summary><c>fever</c>: a fever is affirmed.</summary>
    Fever,

    /// <summary><c>fever_38</c>: a fever, and no temperature under 38 C given for it.</summary>
    Fever38,

    /// <summary><c>fever_5_days</c>: a fever of five days or more.</summary>
    Fever5Days,

    /// <summary><c>young_infant</c>: under 3 months, or a newborn of unknown age.</summary>
    YoungInfant,

    /// <summary><c>newborn</c>: under 3 months, or called a newborn.</summary>
    Newborn,

    /// <summary><c>newborn_or_age_unknown</c>: a newborn, or no age known at all.</summary>
    NewbornOrAgeUnknown,

    /// <summary><c>puberty_too_young</c>: a girl under 6 or a boy under 9 (under 9 when the sex is unknown).</summary>
    PubertyTooYoung,

    /// <summary><c>child</c>: not an adult.</summary>
    Child,
}
