using Microsoft.Extensions.Configuration;

namespace Triage.Grains.Hosting;

/// <summary>
/// In cluster mode every silo must hold the same secrets: a key file one machine made for itself
/// would leave the others unable to open its sealed text or match its pseudonyms. So there, the
/// keys must be configured.
/// </summary>
public static class ClusterKeys
{
    /// <summary>Throws, naming the setting, when a key the silos must share is not configured.</summary>
    public static void Require(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetSection($"{JournalOptions.Section}:Keys").GetChildren().Any() && !configuration.GetSection($"{JournalOptions.Section}:KeyFiles").GetChildren().Any())
        {
            throw new InvalidOperationException("Journal:Keys: cluster mode needs the journal keys configured, the same on every silo");
        }

        if (string.IsNullOrEmpty(configuration[$"{PatientOptions.Section}:PseudonymKey"]) && string.IsNullOrEmpty(configuration[$"{PatientOptions.Section}:PseudonymKeyFile"]))
        {
            throw new InvalidOperationException("Patients:PseudonymKey: cluster mode needs the pseudonym key configured, the same on every silo");
        }

        if (string.IsNullOrEmpty(configuration[$"{AuditOptions.Section}:CheckpointKey"]) && string.IsNullOrEmpty(configuration[$"{AuditOptions.Section}:CheckpointKeyFile"]))
        {
            throw new InvalidOperationException("Audit:CheckpointKey: cluster mode needs the checkpoint key configured, the same on every silo");
        }
    }
}
