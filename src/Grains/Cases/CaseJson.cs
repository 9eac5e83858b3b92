using System.Text.Json;
using System.Text.Json.Serialization;

namespace Triage.Grains.Cases;

/// <summary>The one JSON form of event bodies: what is stored is what is hashed.</summary>
public static class CaseJson
{
    /// <summary>camelCase, no indentation, nulls omitted.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises an event body.</summary>
    public static string Serialize<T>(T body) => JsonSerializer.Serialize(body, Options);

    /// <summary>Deserialises an event body.</summary>
    public static T Deserialize<T>(string payload) =>
        JsonSerializer.Deserialize<T>(payload, Options) ?? throw new InvalidDataException($"Empty {typeof(T).Name} event body.");
}
