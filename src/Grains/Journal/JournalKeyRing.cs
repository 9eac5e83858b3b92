using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Triage.Grains.Journal;

/// <summary>
/// The keys free text is sealed with (AES-256-GCM). New text is sealed under <see cref="CurrentKeyId"/>;
/// text sealed earlier names its key and opens under it as long as that key stays in the ring.
/// Rotation adds a key and makes it current; entries are never re-sealed (the hash chain covers the
/// ciphertext), so an old key leaves the ring only when nothing sealed under it is kept any more.
/// </summary>
public sealed partial class JournalKeyRing
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int NoncesAtOnce = 64;
    private readonly FrozenDictionary<string, byte[]> _keys;

    // Making a cipher (its expanded key, an OpenSSL context) was half of what sealing a complaint
    // cost, and a cipher serves one call at a time: each thread keeps the last one it used, for sealing
    // and opening alike (a case read back opens every sealed field of its journal).
    [ThreadStatic]
    private static (JournalKeyRing Ring, string KeyId, AesGcm Cipher)? _threadCipher;

    // Random nonces drawn from the system's generator 64 at a time instead of one call per seal: each
    // is used once, and a nonce is stored in clear beside its ciphertext anyway.
    [ThreadStatic]
    private static byte[]? _threadNonces;

    [ThreadStatic]
    private static int _threadNoncesUsed;

    /// <summary>A ring over <paramref name="keys"/> (id to 32-byte key), sealing under <paramref name="currentKeyId"/>.</summary>
    public JournalKeyRing(IReadOnlyDictionary<string, byte[]> keys, string currentKeyId)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var (id, key) in keys)
        {
            if (!KeyId().IsMatch(id))
            {
                throw new InvalidOperationException("Journal:Keys: a key id is 1-32 letters, digits, '-' or '_'");
            }

            if (key.Length != 32)
            {
                throw new InvalidOperationException($"Journal:Keys:{id}: an AES-256 key is 32 bytes (base64 of 32 random bytes)");
            }
        }

        if (!keys.ContainsKey(currentKeyId))
        {
            throw new InvalidOperationException("Journal:CurrentKey: names no configured key");
        }

        _keys = keys.ToFrozenDictionary(k => k.Key, k => k.Value.ToArray(), StringComparer.Ordinal);
        CurrentKeyId = currentKeyId;
    }

    /// <summary>The id new text is sealed under.</summary>
    public string CurrentKeyId { get; }

    /// <summary>The ids of every key the ring can open.</summary>
    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    /// <summary>Seals <paramref name="text"/> under the current key: nonce, ciphertext and tag, in one base64 string.</summary>
    public string Seal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = Encoding.UTF8.GetBytes(text);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        NextNonce(nonce);
        Cipher(CurrentKeyId, _keys[CurrentKeyId]).Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), AssociatedData(CurrentKeyId));
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>
    /// Opens text sealed under <paramref name="keyId"/>; throws <see cref="SealedTextException"/> when that key is not
    /// in the ring (a configuration fault) and <see cref="InvalidDataException"/> when the text was altered (a broken record).
    /// </summary>
    public string Open(string keyId, string sealedText)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        ArgumentNullException.ThrowIfNull(sealedText);
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new SealedTextException(KeyId().IsMatch(keyId)
                ? $"journal: text sealed under key '{keyId}', which is not configured (Journal:Keys)"
                : "journal: text sealed under a key id that is not valid");
        }

        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(sealedText);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException("journal: sealed text is not base64", e);
        }

        if (sealedBytes.Length < NonceBytes + TagBytes)
        {
            throw new InvalidDataException("journal: sealed text is too short");
        }

        var length = sealedBytes.Length - NonceBytes - TagBytes;
        var plain = new byte[length];
        try
        {
            Cipher(keyId, key).Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, length), sealedBytes.AsSpan(NonceBytes + length), plain, AssociatedData(keyId));
        }
        catch (CryptographicException e)
        {
            throw new InvalidDataException($"journal: text sealed under key '{keyId}' does not authenticate (altered, or another key under that id)", e);
        }

        return Encoding.UTF8.GetString(plain);
    }

    private AesGcm Cipher(string keyId, byte[] key)
    {
        if (_threadCipher is not { } cipher || !ReferenceEquals(cipher.Ring, this) || cipher.KeyId != keyId)
        {
            // The one it replaces (another key, or another ring: tests make several) is freed now rather
            // than by its finalizer: only this thread ever held it, and its last call has returned.
            _threadCipher?.Cipher.Dispose();
            cipher = (this, keyId, new AesGcm(key, TagBytes));
            _threadCipher = cipher;
        }

        return cipher.Cipher;
    }

    private static void NextNonce(Span<byte> nonce)
    {
        if (_threadNonces is null || _threadNoncesUsed == NoncesAtOnce)
        {
            _threadNonces ??= new byte[NoncesAtOnce * NonceBytes];
            RandomNumberGenerator.Fill(_threadNonces);
            _threadNoncesUsed = 0;
        }

        _threadNonces.AsSpan(_threadNoncesUsed++ * NonceBytes, NonceBytes).CopyTo(nonce);
    }

    // The key id is bound to the ciphertext: relabelling sealed text with another id makes it fail.
    private static byte[] AssociatedData(string keyId) => Encoding.UTF8.GetBytes("triage-journal:" + keyId);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyId();
}
