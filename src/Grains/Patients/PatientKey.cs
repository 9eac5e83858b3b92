using System.Security.Cryptography;
using System.Text;

namespace Triage.Grains.Patients;

/// <summary>Turns an app's own patient reference into the key of its <see cref="IPatientGrain"/>.</summary>
public static class PatientKey
{
    /// <summary>SHA-256 of app id and reference, hex; empty when there is no reference.</summary>
    public static string For(string appId, string? reference) =>
        string.IsNullOrEmpty(reference)
            ? string.Empty
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{appId}\n{reference}")));
}
