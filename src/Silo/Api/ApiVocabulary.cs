using Triage.Api.V1;

namespace Triage.Silo.Api;

/// <summary>
/// The one mapping between the domain's enums and the API's: by name, which the two share by
/// design, so the API spells each value as the policy does ("online", "dermatology", "seizure").
/// A value either side does not know fails loudly; nothing is ever mapped to a default, because
/// for a triage service a silent "out_of_scope" would be a safety fault.
/// </summary>
public static class ApiVocabulary
{
    /// <summary>A decision's disposition.</summary>
    public static Disposition ToApi(Domain.Classification.Disposition value) => Map<Domain.Classification.Disposition, Disposition>(value);

    /// <summary>A specialty.</summary>
    public static Specialty ToApi(Domain.Classification.Specialty value) => Map<Domain.Classification.Specialty, Specialty>(value);

    /// <summary>An urgency.</summary>
    public static Urgency ToApi(Domain.Decision.Urgency value) => Map<Domain.Decision.Urgency, Urgency>(value);

    /// <summary>A sex; unknown is the API's unspecified.</summary>
    public static Sex ToApi(Domain.Facts.Sex value) => Map<Domain.Facts.Sex, Sex>(value);

    /// <summary>Who the complaint is about; unknown is the API's unspecified.</summary>
    public static Subject ToApi(Domain.Facts.PatientSubject value) => Map<Domain.Facts.PatientSubject, Subject>(value);

    /// <summary>A red-flag tag.</summary>
    public static RedFlagTag ToApi(Domain.RedFlags.RedFlagTag value) => Map<Domain.RedFlags.RedFlagTag, RedFlagTag>(value);

    /// <summary>Whether a red flag is acted on.</summary>
    public static RedFlagStatus ToApi(Domain.RedFlags.RedFlagStatus value) => Map<Domain.RedFlags.RedFlagStatus, RedFlagStatus>(value);

    /// <summary>What raised a red flag.</summary>
    public static RedFlagSource ToApi(Domain.RedFlags.RedFlagSource value) => Map<Domain.RedFlags.RedFlagSource, RedFlagSource>(value);

    /// <summary>What a red flag forces, as the disposition it forces.</summary>
    public static Disposition ToApi(Domain.RedFlags.RedFlagSeverity value) => value switch
    {
        Domain.RedFlags.RedFlagSeverity.Emergency => Disposition.Emergency,
        Domain.RedFlags.RedFlagSeverity.Offline => Disposition.Offline,
        _ => throw new InvalidDataException("unknown red-flag severity"),
    };

    /// <summary>A request's sex: unspecified is unknown; a number the API does not define is refused, naming the field.</summary>
    public static Domain.Facts.Sex FromApi(Sex value, string field) =>
        Enum.IsDefined(value) ? Map<Sex, Domain.Facts.Sex>(value) : throw RequestValidator.Invalid(field, "unknown value");

    /// <summary>A request's disposition: required, and one the policy knows.</summary>
    public static Domain.Classification.Disposition FromApi(Disposition value, string field) =>
        value != Disposition.Unspecified && Enum.IsDefined(value) ? Map<Disposition, Domain.Classification.Disposition>(value)
            : throw RequestValidator.Invalid(field, "must be online, emergency, offline, out_of_scope or needs_info");

    /// <summary>A request's specialty: required, and one the policy knows.</summary>
    public static Domain.Classification.Specialty FromApi(Specialty value, string field) =>
        value != Specialty.Unspecified && Enum.IsDefined(value) ? Map<Specialty, Domain.Classification.Specialty>(value)
            : throw RequestValidator.Invalid(field, "must be growth, nutrition, dermatology or other");

    /// <summary>A growth indicator as the API names it (<c>height_for_age</c>, <c>weight_for_length</c>...).</summary>
    public static string Name(Domain.Growth.GrowthIndicator value) => value switch
    {
        Domain.Growth.GrowthIndicator.HeightForAge => "height_for_age",
        Domain.Growth.GrowthIndicator.WeightForAge => "weight_for_age",
        Domain.Growth.GrowthIndicator.BmiForAge => "bmi_for_age",
        Domain.Growth.GrowthIndicator.WeightForLength => "weight_for_length",
        _ => "weight_for_height",
    };

    /// <summary>An API enum value as the proto spells it, the same in JSON (<c>out_of_scope</c>, <c>seizure</c>).</summary>
    public static string Name<T>(T value)
        where T : struct, Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttributes(typeof(Google.Protobuf.Reflection.OriginalNameAttribute), false)
            .OfType<Google.Protobuf.Reflection.OriginalNameAttribute>().FirstOrDefault()?.Name ?? value.ToString();

    // The API's zero value is called Unspecified where the domain says Unknown; every other name is shared.
    private static TTo Map<TFrom, TTo>(TFrom value)
        where TFrom : struct, Enum
        where TTo : struct, Enum
    {
        var name = Enum.IsDefined(value) ? value.ToString() : throw new InvalidDataException($"unknown {typeof(TFrom).Name} value {value}");
        name = name switch { "Unknown" => "Unspecified", "Unspecified" => "Unknown", _ => name };
        return Enum.TryParse<TTo>(name, ignoreCase: false, out var result) && Enum.IsDefined(result)
            ? result
            : throw new InvalidDataException($"{typeof(TFrom).Name}.{value} has no {typeof(TTo).FullName} counterpart");
    }
}
