using Triage.Grains.Journal;

namespace Triage.Grains.Hosting;

/// <summary>
/// The ledger checkpoints (section <c>Audit</c>): the signing key, held outside the database, how
/// often the ledger head is signed, and where each checkpoint is exported as it is made.
/// </summary>
public sealed class AuditOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Audit";

    /// <summary>The checkpoint key, base64 (at least 32 bytes). Takes precedence over <see cref="CheckpointKeyFile"/>.</summary>
    public string CheckpointKey { get; set; } = string.Empty;

    /// <summary>
    /// A file holding the key (base64). When neither is configured, the embedded default creates a
    /// random key in <c>checkpoint.key</c> beside the database (owner-only), so that checkpoints are
    /// made from the first run; a hospital configures a key kept elsewhere (a secret store).
    /// </summary>
    public string CheckpointKeyFile { get; set; } = string.Empty;

    /// <summary>Seconds between checkpoints of the ledger head (default five minutes).</summary>
    public int CheckpointIntervalSeconds { get; set; } = 300;

    /// <summary>The JSON-lines file each checkpoint is appended to as it is made, for the supervision platform; empty: <c>checkpoints.jsonl</c> beside the database.</summary>
    public string ExportFile { get; set; } = string.Empty;

    /// <summary>The signer over the configured key, creating the default key file if there is none.</summary>
    public CheckpointSigner Signer(string databasePath) =>
        new(SecretKey.Load(CheckpointKey, CheckpointKeyFile, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "checkpoint.key"), "Audit:CheckpointKey"));

    /// <summary>The export file, resolved.</summary>
    public string ResolvedExportFile(string databasePath) =>
        ExportFile.Length > 0 ? ExportFile : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "checkpoints.jsonl");
}
