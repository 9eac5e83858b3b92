using Triage.Domain.Growth;

namespace Triage.Grains.Hosting;

/// <summary>Where the WHO growth tables are (section <c>Growth</c>).</summary>
public sealed class GrowthOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Growth";

    /// <summary>
    /// The folder holding <c>who2006</c> and <c>who2007</c>. Empty: the shared data folder beside
    /// the clone (<c>../shared/data/growth</c>), found from the application's and the current folder.
    /// </summary>
    public string Folder { get; set; } = string.Empty;

    /// <summary>
    /// The tables, loaded. The measured red flags depend on them, so a missing folder stops the
    /// service at start-up rather than letting it decide without them.
    /// </summary>
    public GrowthReference Load()
    {
        return Folder.Length > 0 ? GrowthReference.Load(Folder) : GrowthReference.LoadShared(AppContext.BaseDirectory, Directory.GetCurrentDirectory());
    }
}
