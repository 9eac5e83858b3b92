using System.Text;

namespace Triage.Domain.Decision;

/// <summary>
/// What a complaint's fields must satisfy, wherever it arrives (the API, the batch command, a
/// decision-support call): one set of limits, each failure naming the field and never the value.
/// </summary>
public static class InputRules
{
    /// <summary>Longest complaint accepted.</summary>
    public const int MaxComplaintLength = 4000;

    /// <summary>Oldest age in days accepted (about 18 years).</summary>
    public const int MaxAgeDays = 6600;

    /// <summary>Oldest age in months accepted.</summary>
    public const int MaxAgeMonths = 300;

    /// <summary>Checks a text field: length, and no invalid or control characters (what invalid bytes become after decoding).</summary>
    public static void Text(string field, string? value, int min, int max)
    {
        value ??= string.Empty;
        if (value.Length < min || (min > 0 && string.IsNullOrWhiteSpace(value)))
        {
            throw new InvalidInputException(field, "is required");
        }

        if (value.Length > max)
        {
            throw new InvalidInputException(field, $"must be at most {max} characters");
        }

        foreach (var rune in value.EnumerateRunes())
        {
            if (rune == Rune.ReplacementChar || (Rune.IsControl(rune) && rune.Value is not ('\n' or '\r' or '\t')))
            {
                throw new InvalidInputException(field, "contains invalid or control characters");
            }
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsSurrogate(value[i]) && !(char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[++i])))
            {
                throw new InvalidInputException(field, "contains invalid or control characters");
            }
        }
    }

    /// <summary>Checks an age in days.</summary>
    public static void AgeDays(string field, int? days)
    {
        if (days is < 0 or > MaxAgeDays)
        {
            throw new InvalidInputException(field, $"must be between 0 and {MaxAgeDays}");
        }
    }

    /// <summary>Checks an age in months.</summary>
    public static void AgeMonths(string field, double? months)
    {
        if (months is < 0 or > MaxAgeMonths || (months is { } m && double.IsNaN(m)))
        {
            throw new InvalidInputException(field, $"must be between 0 and {MaxAgeMonths}");
        }
    }
}
