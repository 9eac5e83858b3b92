using Triage.Domain.Classification;
using Triage.Domain.Facts;

namespace Triage.Domain.Evaluation;

/// <summary>
/// The snake_case names the policy, the labelled data, the batch files and the journal use. A value
/// outside an enum has no name: it fails, never falls back to a default.
/// </summary>
public static class LabelNames
{
    /// <summary>Dispositions in report order.</summary>
    public static readonly IReadOnlyList<Disposition> Dispositions =
        [Disposition.Online, Disposition.Emergency, Disposition.Offline, Disposition.OutOfScope, Disposition.NeedsInfo];

    /// <summary>The policy's name of a disposition.</summary>
    public static string Of(Disposition d) => d switch
    {
        Disposition.Online => "online",
        Disposition.Emergency => "emergency",
        Disposition.Offline => "offline",
        Disposition.NeedsInfo => "needs_info",
        Disposition.OutOfScope => "out_of_scope",
        _ => throw new InvalidDataException($"disposition value {(int)d} has no name"),
    };

    /// <summary>The policy's name of a specialty.</summary>
    public static string Of(Specialty s) => s switch
    {
        Specialty.Growth => "growth",
        Specialty.Nutrition => "nutrition",
        Specialty.Dermatology => "dermatology",
        Specialty.Other => "other",
        _ => throw new InvalidDataException($"specialty value {(int)s} has no name"),
    };

    /// <summary>The name of a sex ("female", "male", "unknown" when not said).</summary>
    public static string Of(Sex s) => s switch
    {
        Sex.Female => "female",
        Sex.Male => "male",
        Sex.Unknown => "unknown",
        _ => throw new InvalidDataException($"sex value {(int)s} has no name"),
    };

    /// <summary>Parses a sex name ("female", "male", "unknown"); false when unknown.</summary>
    public static bool TryParseSex(string? name, out Sex sex)
    {
        foreach (var s in Enum.GetValues<Sex>())
        {
            if (Of(s) == name)
            {
                sex = s;
                return true;
            }
        }

        sex = default;
        return false;
    }

    /// <summary>Parses a disposition name; false when unknown.</summary>
    public static bool TryParseDisposition(string? name, out Disposition disposition)
    {
        foreach (var d in Dispositions)
        {
            if (Of(d) == name)
            {
                disposition = d;
                return true;
            }
        }

        disposition = default;
        return false;
    }

    /// <summary>Parses a disposition name; throws on an unknown one.</summary>
    public static Disposition ParseDisposition(string name) =>
        TryParseDisposition(name, out var d) ? d : throw new InvalidDataException($"unknown disposition '{name}'");

    /// <summary>Parses a specialty name; throws on an unknown one.</summary>
    public static Specialty ParseSpecialty(string name) =>
        TryParseSpecialty(name, out var s) ? s : throw new InvalidDataException($"unknown specialty '{name}'");

    /// <summary>Parses a specialty name; false when unknown.</summary>
    public static bool TryParseSpecialty(string? name, out Specialty specialty)
    {
        foreach (var s in Enum.GetValues<Specialty>())
        {
            if (Of(s) == name)
            {
                specialty = s;
                return true;
            }
        }

        specialty = default;
        return false;
    }
}
