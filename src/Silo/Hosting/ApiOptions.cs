namespace Triage.Silo.Hosting;

/// <summary>Where the API listens (section <c>Api</c>). Cleartext HTTP/2 and HTTP/1.1 cannot share a port, hence two.</summary>
public sealed class ApiOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Api";

    /// <summary>Address to bind; loopback by default.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>gRPC over HTTP/2.</summary>
    public int GrpcPort { get; set; } = 5180;

    /// <summary>JSON over HTTP/1.1 (transcoded).</summary>
    public int HttpPort { get; set; } = 5181;

    /// <summary>With a certificate: the one TLS port serving gRPC (HTTP/2) and JSON (HTTP/1.1 or HTTP/2) together.</summary>
    public int HttpsPort { get; set; } = 5443;

    /// <summary>The server certificate; when set, the API listens only on <see cref="HttpsPort"/>, with TLS.</summary>
    public CertificateOptions Certificate { get; set; } = new();

    /// <summary>True when a certificate is configured.</summary>
    public bool UsesTls => Certificate.Path.Length > 0;

    /// <summary>Largest request body accepted, bytes.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;
}
