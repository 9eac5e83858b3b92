using System.Text.Json;
using System.Text.Json.Serialization;

namespace Triage.Grains.Cases;

/// <summary>The one JSON form of event bodies: what is stored is what is hashed.</summary>
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
    };

    /// <summary>Serialises an event body.</summary>
    public static string Serialize<T>(T body) => JsonSerializer.Serialize(body, Options);

    /// <summary>Deserialises an event body.</summary>
    public static T Deserialize<T>(string payload) =>
        JsonSerializer.Deserialize<T>(payload, Options) ?? throw new InvalidDataException($"Empty {typeof(T).Name} event body.");
}
