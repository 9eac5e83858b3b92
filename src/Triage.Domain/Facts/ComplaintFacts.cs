namespace Triage.Domain.Facts;

/// <summary>
/// What can be read off a complaint as numbers and categories. Every value is optional:
/// absence means "not stated", never "normal".
/// </summary>
public sealed record ComplaintFacts
{
    /// <summary>Age in months (fractional for days and weeks); from the request when given, else from the text.</summary>
    public double? AgeMonths { get; init; }

    /// <summary>Where the age was written in the complaint, when it came from the text.</summary>
    public TextSpan? AgeEvidence { get; init; }

    /// <summary>Highest body temperature stated, in degrees Celsius.</summary>
    public double? TemperatureC { get; init; }

    /// <summary>A fever is affirmed (by word or by a temperature of 38 C or more) and not denied.</summary>
    public bool Fever { get; init; }

    /// <summary>How long the fever has lasted, in days, where the text says so.</summary>
    public double? FeverDays { get; init; }

    /// <summary>The longest duration the text states for any complaint, in days.</summary>
    public double? DurationDays { get; init; }

    /// <summary>Height or length in centimetres.</summary>
    public double? HeightCm { get; init; }

    /// <summary>Where the height was written.</summary>
    public TextSpan? HeightEvidence { get; init; }

    /// <summary>Current weight in kilograms (not a birth weight, not a gain or loss).</summary>
    public double? WeightKg { get; init; }

    /// <summary>Where the weight was written.</summary>
    public TextSpan? WeightEvidence { get; init; }

    /// <summary>Serum bilirubin in µmol/L (the unit Chinese reports use; mg/dL converted).</summary>
    public double? BilirubinUmolPerL { get; init; }

    /// <summary>Where the bilirubin value was written.</summary>
    public TextSpan? BilirubinEvidence { get; init; }

    /// <summary>Sex stated by the request or the text.</summary>
    public Sex Sex { get; init; }

    /// <summary>Who the complaint is about.</summary>
    public PatientSubject Subject { get; init; }

    /// <summary>The text speaks of a newborn (新生儿, 出生X天, 满月...).</summary>
    public bool Newborn { get; init; }

    /// <summary>True when the age is under three months: the age band where any fever is an emergency.</summary>
    public bool IsYoungInfant => AgeMonths is < 3.05 || (AgeMonths is null && Newborn);
}
