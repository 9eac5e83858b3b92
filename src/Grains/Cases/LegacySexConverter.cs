using System.Text.Json;
using System.Text.Json.Serialization;
using Triage.Domain.Evaluation;
using Triage.Domain.Facts;

namespace Triage.Grains.Cases;

/// <summary>
/// Sex in the journal: <c>female</c>, <c>male</c>, <c>unknown</c>; the empty string the first
/// version wrote for "not said" reads as unknown. Anything else fails the read.
/// </summary>
public sealed class LegacySexConverter : JsonConverter<Sex>
{
    /// <inheritdoc />
    public override Sex Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType != JsonTokenType.String ? throw new JsonException("sex must be a name")
        : reader.GetString() is "" ? Sex.Unknown
        : LabelNames.TryParseSex(reader.GetString(), out var sex) ? sex
        : throw new JsonException("unknown sex");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Sex value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Enum.IsDefined(value) ? LabelNames.Of(value) : throw new JsonException("unknown sex"));
    }
}
