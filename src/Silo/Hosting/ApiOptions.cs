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

    /// <summary>Largest request body accepted, bytes.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;
}
