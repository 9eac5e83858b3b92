namespace Triage.Domain.RedFlags;

/// <summary>
/// The policy's names and severities of the red-flag tags: the one mapping between
/// <see cref="RedFlagTag"/> and the strings in data files, journals and the API. Unknown names
/// fail loudly; nothing is ever mapped to a default.
/// </summary>
public static class RedFlagTags
{
    private static readonly (RedFlagTag Tag, string Name, RedFlagSeverity Severity)[] Table =
    [
        (RedFlagTag.InfantFever, "infant_fever", RedFlagSeverity.Emergency),
        (RedFlagTag.FeverPurpura, "fever_purpura", RedFlagSeverity.Emergency),
        (RedFlagTag.Breathing, "breathing", RedFlagSeverity.Emergency),
        (RedFlagTag.Seizure, "seizure", RedFlagSeverity.Emergency),
        (RedFlagTag.Consciousness, "consciousness", RedFlagSeverity.Emergency),
        (RedFlagTag.Dehydration, "dehydration", RedFlagSeverity.Emergency),
        (RedFlagTag.GiBleedVomiting, "gi_bleed_vomiting", RedFlagSeverity.Emergency),
        (RedFlagTag.SeverePain, "severe_pain", RedFlagSeverity.Emergency),
        (RedFlagTag.Ingestion, "ingestion", RedFlagSeverity.Emergency),
        (RedFlagTag.TraumaBurn, "trauma_burn", RedFlagSeverity.Emergency),
        (RedFlagTag.Anaphylaxis, "anaphylaxis", RedFlagSeverity.Emergency),
        (RedFlagTag.SkinDetachment, "skin_detachment", RedFlagSeverity.Emergency),
        (RedFlagTag.Kawasaki, "kawasaki", RedFlagSeverity.Emergency),
        (RedFlagTag.SelfHarm, "self_harm", RedFlagSeverity.Emergency),
        (RedFlagTag.Bleeding, "bleeding", RedFlagSeverity.Emergency),
        (RedFlagTag.Meningism, "meningism", RedFlagSeverity.Emergency),
        (RedFlagTag.ChestPain, "chest_pain", RedFlagSeverity.Emergency),
        (RedFlagTag.Stroke, "stroke", RedFlagSeverity.Emergency),
        (RedFlagTag.SevereHyperbilirubinemia, "severe_hyperbilirubinemia", RedFlagSeverity.Emergency),
        (RedFlagTag.NeuroWithGrowth, "neuro_with_growth", RedFlagSeverity.Offline),
        (RedFlagTag.EarlyPubertyYoung, "early_puberty_young", RedFlagSeverity.Offline),
        (RedFlagTag.SevereMalnutrition, "severe_malnutrition", RedFlagSeverity.Offline),
        (RedFlagTag.EatingDisorder, "eating_disorder", RedFlagSeverity.Offline),
        (RedFlagTag.PolyuriaWeightloss, "polyuria_weightloss", RedFlagSeverity.Offline),
        (RedFlagTag.HighRiskHemangioma, "high_risk_hemangioma", RedFlagSeverity.Offline),
        (RedFlagTag.SkinInfection, "skin_infection", RedFlagSeverity.Offline),
        (RedFlagTag.ChangingMole, "changing_mole", RedFlagSeverity.Offline),
        (RedFlagTag.NeonatalJaundice, "neonatal_jaundice", RedFlagSeverity.Offline),
        (RedFlagTag.NeedsProcedure, "needs_procedure", RedFlagSeverity.Offline),
        (RedFlagTag.SevereShortStature, "severe_short_stature", RedFlagSeverity.Offline),
    ];

    private static readonly Dictionary<string, RedFlagTag> ByName = Table.ToDictionary(t => t.Name, t => t.Tag, StringComparer.Ordinal);

    /// <summary>Every tag, emergency ones first, in the policy's order.</summary>
    public static IReadOnlyList<RedFlagTag> All { get; } = [.. Table.Select(t => t.Tag)];

    /// <summary>The tags raised by words (every tag but the measured ones).</summary>
    public static IReadOnlyList<RedFlagTag> Worded { get; } = [.. All.Where(t => !IsMeasured(t))];

    /// <summary>The policy's name of a tag, e.g. <c>infant_fever</c>.</summary>
    public static string Name(RedFlagTag tag) => Table[(int)tag].Tag == tag ? Table[(int)tag].Name : throw new ArgumentOutOfRangeException(nameof(tag));

    /// <summary>What the tag forces: emergency care now, or an in-person visit.</summary>
    public static RedFlagSeverity Severity(RedFlagTag tag) => Table[(int)tag].Tag == tag ? Table[(int)tag].Severity : throw new ArgumentOutOfRangeException(nameof(tag));

    /// <summary>True for the tags that only numbers raise (a bilirubin, a height far below the curve).</summary>
    public static bool IsMeasured(RedFlagTag tag) => tag is RedFlagTag.SevereHyperbilirubinemia or RedFlagTag.SevereShortStature;

    /// <summary>Parses a policy name; false when unknown.</summary>
    public static bool TryParse(string? name, out RedFlagTag tag) => ByName.TryGetValue(name ?? string.Empty, out tag);

    /// <summary>Parses a policy name; throws on an unknown one (a journal or data file naming a tag we do not know is corrupt).</summary>
    public static RedFlagTag Parse(string name) =>
        TryParse(name, out var tag) ? tag : throw new InvalidDataException($"unknown red-flag tag '{name}'");
}
