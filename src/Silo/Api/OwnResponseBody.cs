namespace Triage.Silo.Api;

/// <summary>
/// Endpoint metadata: the endpoint's answers are its own (a health report's 503, Prometheus text),
/// so <see cref="JsonProblemMiddleware"/> neither buffers nor rewrites them.
/// </summary>
public sealed class OwnResponseBody
{
    /// <summary>The one instance.</summary>
    public static OwnResponseBody Instance { get; } = new();

    private OwnResponseBody()
    {
    }
}
