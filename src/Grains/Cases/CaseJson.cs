using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Triage.Grains.Journal;

namespace Triage.Grains.Cases;

/// <summary>
/// The one JSON form of event bodies: what is stored is what is hashed. Journal writers store them
/// through <see cref="SealedEventBodies"/>, which seals the free text; this keyless form reads the coded fields.
/// </summary>
public static class CaseJson
{
    /// <summary>
    /// camelCase, no indentation, nulls omitted; enums by their policy names in snake case
    /// (<c>out_of_scope</c>, <c>gi_bleed_vomiting</c>), numbers refused, an unknown name a failure.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // The journals of the first version wrote an unknown sex as "": read as unknown.
        Converters = { new LegacySexConverter(), new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        // Without keys free text is written as it is (synthetic seeding) and sealed text reads as empty (analytics).
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { new SealedTextConverter(null).Modifier } },
    };

    /// <summary>Serialises an event body.</summary>
    public static string Serialize<T>(T body) => JsonSerializer.Serialize(body, Options);

    /// <summary>Deserialises an event body.</summary>
    public static T Deserialize<T>(string payload) =>
        JsonSerializer.Deserialize<T>(payload, Options) ?? throw new InvalidDataException($"Empty {typeof(T).Name} event body.");
}
