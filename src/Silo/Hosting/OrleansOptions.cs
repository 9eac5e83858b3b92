namespace Triage.Silo.Hosting;

/// <summary>
/// The silo (section <c>Orleans</c>): its ports, and how it finds the others. The embedded default
/// is one silo on loopback; cluster mode keeps the membership in Redis.
/// </summary>
public sealed class OrleansOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Orleans";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// <c>localhost</c> (one silo, the default) or <c>redis</c> (cluster mode). Not named "Clustering":
    /// Orleans reads <c>Orleans:Clustering</c> itself, as a provider section.
    /// </summary>
    public string Membership { get; set; } = "localhost";

    /// <summary>The Redis configuration string of the membership table (<c>127.0.0.1:6379</c>), in cluster mode.</summary>
    public string Redis { get; set; } = string.Empty;

    /// <summary>The cluster's id: silos with the same id form one cluster.</summary>
    public string ClusterId { get; set; } = "triage";

    /// <summary>The service's id, stable across deployments.</summary>
    public string ServiceId { get; set; } = "triage";

    /// <summary>The address other silos reach this one at; loopback by default (silos on one machine).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// How many grain locations each silo remembers (Orleans' directory cache, 1,000,000 by default).
    /// Every new case adds one, so at the default the cache alone grew the service by about 2 KB a
    /// case for the first million cases (bench/memory.sh); the cases in use are those of the last
    /// minutes, and a location not remembered costs one directory lookup.
    /// </summary>
    public int DirectoryCacheSize { get; set; } = 20_000;

    /// <summary>
    /// The Orleans dashboard's port (silos, grain activations, calls), served on loopback only and
    /// at <c>/orleans/</c>; 0 (the default) leaves it off. It has no API key: an operator reaches
    /// it on the machine or through an SSH tunnel, never from the network the booking apps use.
    /// </summary>
    public int DashboardPort { get; set; }

    /// <summary>True in cluster mode.</summary>
    public bool UsesRedis => string.Equals(Membership, "redis", StringComparison.OrdinalIgnoreCase);
}
