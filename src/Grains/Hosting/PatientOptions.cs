namespace Triage.Grains.Hosting;

/// <summary>The patient pseudonym's secret (section <c>Patients</c>).</summary>
public sealed class PatientOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Patients";

    /// <summary>The key, base64 (at least 32 bytes); takes precedence over <see cref="PseudonymKeyFile"/>.</summary>
    public string PseudonymKey { get; set; } = string.Empty;

    /// <summary>A file holding the key; with neither, <c>pseudonym.key</c> beside the database is made once (owner-only).</summary>
    public string PseudonymKeyFile { get; set; } = string.Empty;
}
