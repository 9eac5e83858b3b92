namespace Triage.Silo.Hosting;

/// <summary>The embedded silo's ports (section <c>Orleans</c>).</summary>
public sealed class OrleansOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Orleans";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;
}
