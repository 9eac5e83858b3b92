namespace Triage.Silo.Hosting;

/// <summary>The server certificate for TLS (section <c>Api:Certificate</c>): a PKCS#12 file and its password.</summary>
public sealed class CertificateOptions
{
    /// <summary>Path of the .pfx file; empty: no TLS (loopback only outside Development).</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>The file's password, from a secret store in a real deployment.</summary>
    public string Password { get; set; } = string.Empty;
}
