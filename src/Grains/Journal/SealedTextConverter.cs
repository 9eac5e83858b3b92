using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Triage.Grains.Journal;

/// <summary>
/// The JSON form of a <see cref="FreeTextAttribute">free-text</see> string in an event body:
/// <c>{"key":"k1","aesgcm":"base64(nonce|ciphertext|tag)"}</c> when sealed, a plain string when
/// written before sealing existed or when empty. An object can never be mistaken for a person's text.
/// Without a ring (analytics, audit) sealed text reads as empty: they use coded fields only.
/// </summary>
public sealed class SealedTextConverter(JournalKeyRing? ring) : JsonConverter<string>
{
    private const string KeyProperty = "key";
    private const string SealedProperty = "aesgcm";

    /// <summary>A resolver modifier giving every free-text string of a contract this converter.</summary>
    public Action<JsonTypeInfo> Modifier => typeInfo =>
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.PropertyType == typeof(string) && property.AttributeProvider?.IsDefined(typeof(FreeTextAttribute), inherit: true) == true)
            {
                property.CustomConverter = this;
            }
        }
    };

    /// <inheritdoc />
    public override bool HandleNull => false;

    /// <inheritdoc />
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString()!;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("free text: a string or a sealed object");
        }

        string? keyId = null, sealedText = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("free text: a sealed object holds strings");
            }

            switch (name)
            {
                case KeyProperty:
                    keyId = reader.GetString();
                    break;
                case SealedProperty:
                    sealedText = reader.GetString();
                    break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || keyId is null || sealedText is null)
        {
            throw new JsonException("free text: a sealed object names its key and holds the sealed text");
        }

        return ring is null ? string.Empty : ring.Open(keyId, sealedText);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (ring is null || value.Length == 0)
        {
            writer.WriteStringValue(value);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(KeyProperty, ring.CurrentKeyId);
        writer.WriteString(SealedProperty, ring.Seal(value));
        writer.WriteEndObject();
    }
}
