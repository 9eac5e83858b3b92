namespace Triage.Grains.Storage;

/// <summary>
/// Where grain state and the journals are kept (section <c>Storage</c>): the embedded default's one
/// SQLite file, or, in cluster mode, a PostgreSQL database every silo shares.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Storage";

    /// <summary>The grain-storage provider name grains ask for.</summary>
    public const string ProviderName = "triage";

    /// <summary>The embedded default's provider.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>Cluster mode's provider.</summary>
    public const string PostgresProvider = "postgres";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// The SQLite database file; its folder is created on start. In cluster mode the folder still
    /// holds what is local to the machine (nothing clinical).
    /// </summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "triage.db");

    /// <summary>The PostgreSQL connection string (Npgsql form) in cluster mode.</summary>
    public string Postgres { get; set; } = string.Empty;

    /// <summary>True in cluster mode.</summary>
    public bool UsesPostgres => string.Equals(Provider, PostgresProvider, StringComparison.OrdinalIgnoreCase);
}
