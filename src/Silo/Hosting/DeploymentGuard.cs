using System.Net;
using Triage.Silo.Auth;

namespace Triage.Silo.Hosting;

/// <summary>
/// Refuses to start a service that is not fit to run outside a developer's machine: the demo keys
/// the README publishes, or a non-loopback address without TLS. In Development both are allowed,
/// so that the embedded default still runs with one command.
/// </summary>
public static class DeploymentGuard
{
    // SHA-256 of the demo keys documented in the README (demo-key-change-me, demo-admin-key-change-me, ...).
    private static readonly HashSet<string> DemoKeyHashes = new(StringComparer.OrdinalIgnoreCase)
    {
        "090d1548c9d65f413a1a2c828a0bee3a7ae02d2137caf51e6029e6c3cb1f1fa4",
        "c14d7bdecf2188289bf9d4365a650f7fdd6f26d9f1656d412eb47b8176e320ed",
        "91bb1e71f05277d9500b5dbf83bba5ba551d097790a80d8f8508980791019886",
        "b1e8644eecd692ed8565390431795ad923d2d3d4cf16d4e981a287ea9f27e89a",
        "a998fe1ad61f2030891d42183ee082572a7a8cecca4d651385ea51eedb645b51",
    };

    /// <summary>Throws, naming the setting, when the configuration may not run in <paramref name="environment"/>.</summary>
    public static void Check(IHostEnvironment environment, ApiOptions api, IEnumerable<ApiKeyEntry> keys)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(keys);
        if (environment.IsDevelopment())
        {
            return;
        }

        if (keys.FirstOrDefault(k => DemoKeyHashes.Contains(k.KeySha256)) is { } demo)
        {
            throw new InvalidOperationException($"Auth:ApiKeys: {demo.AppId} uses a published demo key; demo keys run only in the Development environment");
        }

        if (!api.UsesTls && !(IPAddress.TryParse(api.Address, out var address) && IPAddress.IsLoopback(address)))
        {
            throw new InvalidOperationException("Api:Address: a non-loopback address needs TLS (Api:Certificate:Path)");
        }
    }
}
