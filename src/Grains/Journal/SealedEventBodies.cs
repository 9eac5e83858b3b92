using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Triage.Grains.Cases;

namespace Triage.Grains.Journal;

/// <summary>
/// The event bodies a journal writer stores: <see cref="CaseJson"/>'s form with every
/// <see cref="FreeTextAttribute">free-text</see> string sealed under the key ring, so that the hash
/// chain covers the ciphertext and verifying it needs no key. Reading opens them again.
/// </summary>
public sealed class SealedEventBodies
{
    private readonly JsonSerializerOptions _options;

    /// <summary>Bodies sealed under <paramref name="ring"/>.</summary>
    public SealedEventBodies(JournalKeyRing ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        Ring = ring;
        _options = new JsonSerializerOptions(CaseJson.Options)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { new SealedTextConverter(ring).Modifier } },
        };
        _options.MakeReadOnly();
    }

    /// <summary>The keys.</summary>
    public JournalKeyRing Ring { get; }

    /// <summary>Serialises an event body, sealing its free text under the current key.</summary>
    public string Serialize<T>(T body) => JsonSerializer.Serialize(body, _options);

    /// <summary>Deserialises an event body, opening its free text; throws <see cref="SealedTextException"/> when it cannot.</summary>
    public T Deserialize<T>(string payload) =>
        JsonSerializer.Deserialize<T>(payload, _options) ?? throw new InvalidDataException($"Empty {typeof(T).Name} event body.");
}
