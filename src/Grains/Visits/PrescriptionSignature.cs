using System.Security.Cryptography;
using System.Text;

namespace Triage.Grains.Visits;

/// <summary>
/// The physician's signature over a prescription: HMAC-SHA256, under the physician's own credential
/// (the API key only the physician holds), of the prescription's canonical form, lower-case hex. The
/// service verifies it when the prescription arrives, so a prescription is recorded only as the
/// signed act of the physician whose credential made the call.
/// </summary>
public static class PrescriptionSignature
{
    /// <summary>
    /// The canonical form: a version line, the case id (32 hex digits), guardian and physician presence
    /// (1 or 0), then one line per drug with its drug, class and dosage as sent, separated by tabs.
    /// </summary>
    public static string Canonical(Guid caseId, IEnumerable<(string Drug, string DrugClass, string Dosage)> items, bool guardianPresent, bool physicianPresent)
    {
        ArgumentNullException.ThrowIfNull(items);
        var lines = new List<string> { "triage-prescription-v1", caseId.ToString("N"), guardianPresent ? "1" : "0", physicianPresent ? "1" : "0" };
        lines.AddRange(items.Select(i => $"{i.Drug}\t{i.DrugClass}\t{i.Dosage}"));
        return string.Join('\n', lines);
    }

    /// <summary>The signature of <paramref name="canonical"/> under <paramref name="credential"/>.</summary>
    public static string Sign(string credential, string canonical)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(canonical);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(credential), Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>True when <paramref name="signature"/> is the signature of <paramref name="canonical"/> under <paramref name="credential"/>.</summary>
    public static bool Verify(string credential, string canonical, string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var expected = Encoding.ASCII.GetBytes(Sign(credential, canonical));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant()));
    }
}
