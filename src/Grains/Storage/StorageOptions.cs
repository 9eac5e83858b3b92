namespace Triage.Grains.Storage;

/// <summary>Where the embedded default keeps its one SQLite file (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Storage";

    /// <summary>The grain-storage provider name grains ask for.</summary>
    public const string ProviderName = "triage";

    /// <summary>The SQLite database file; its folder is created on start.</summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "triage.db");
}
