using System.Security.Cryptography;
using System.Text;

namespace Triage.Grains.Patients;

/// <summary>
/// Turns an app's own patient reference into the key of its <see cref="IPatientGrain"/>: HMAC-SHA256
/// under a secret held outside the database, so that a guessable reference (a phone number) cannot
/// be recovered from the key by trying every candidate.
/// </summary>
public sealed class PatientPseudonyms
{
    private const int MinKeyBytes = 32;
    private readonly byte[] _key;

    /// <summary>Pseudonyms under <paramref name="key"/> (at least 32 bytes).</summary>
    public PatientPseudonyms(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key.Length >= MinKeyBytes ? [.. key] : throw new ArgumentException($"the pseudonym key must have at least {MinKeyBytes} bytes", nameof(key));
    }

    /// <summary>The pseudonym of <paramref name="reference"/> within <paramref name="appId"/>, hex; empty when there is no reference.</summary>
    public string For(string appId, string? reference) =>
        string.IsNullOrEmpty(reference)
            ? string.Empty
            : Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{appId}\n{reference}")));
}
