using Triage.Grains.Journal;

namespace Triage.Grains.Hosting;

/// <summary>
/// The keys that seal free text in the journals (section <c>Journal</c>). Each key has an id that
/// sealed text names; <see cref="CurrentKey"/> seals new text. To rotate: add the new key under a new
/// id, make it current, and keep the old ones as long as anything sealed under them is retained.
/// </summary>
public sealed class JournalOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Journal";

    /// <summary>The id of the embedded default's own key, kept in <c>journal.key</c> beside the database.</summary>
    public const string DefaultKeyId = "local";

    /// <summary>Keys by id, base64 of 32 random bytes (<c>Journal:Keys:2026-12=...</c>).</summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>Files holding keys by id (base64), for keys kept by a secret store.</summary>
    public Dictionary<string, string> KeyFiles { get; set; } = [];

    /// <summary>The id new text is sealed under; may be left empty when exactly one key is configured.</summary>
    public string CurrentKey { get; set; } = string.Empty;

    /// <summary>
    /// The ring over the configured keys. With none configured, the embedded default makes one random
    /// key once in an owner-only <c>journal.key</c> beside the database, under the id <see cref="DefaultKeyId"/>.
    /// </summary>
    public JournalKeyRing Ring(string databasePath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, base64) in Keys)
        {
            keys[id] = SecretKey.Load(base64, string.Empty, string.Empty, $"Journal:Keys:{id}");
        }

        foreach (var (id, file) in KeyFiles)
        {
            if (keys.ContainsKey(id))
            {
                throw new InvalidOperationException($"Journal:KeyFiles:{id}: the id is also in Journal:Keys");
            }

            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"Journal:KeyFiles:{id}: the configured key file does not exist");
            }

            keys[id] = SecretKey.Load(File.ReadAllText(file).Trim(), string.Empty, string.Empty, $"Journal:KeyFiles:{id}");
        }

        if (keys.Count == 0)
        {
            keys[DefaultKeyId] = SecretKey.Load(string.Empty, string.Empty, Path.Combine(folder, "journal.key"), "Journal:Keys");
        }

        var current = CurrentKey.Length > 0 ? CurrentKey
            : keys.Count == 1 ? keys.Keys.Single()
            : throw new InvalidOperationException("Journal:CurrentKey: several keys are configured; name the one that seals new text");
        return new JournalKeyRing(keys, current);
    }
}
