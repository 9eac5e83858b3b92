namespace Triage.Silo.Hosting;

/// <summary>Per-caller and failed-authentication limits (section <c>Api:RateLimit</c>).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Api:RateLimit";

    /// <summary>Requests a caller (an API key) may make per second, sustained.</summary>
    public int PerCallerPerSecond { get; set; } = 1000;

    /// <summary>Requests a caller may make at once above the sustained rate.</summary>
    public int PerCallerBurst { get; set; } = 2000;

    /// <summary>Requests with a wrong key one client address may make per minute; beyond it every request from that address waits out the minute.</summary>
    public int FailedAuthenticationsPerMinute { get; set; } = 30;
}
