namespace Triage.Grains.Hosting;

/// <summary>Which trained models the policy uses (section <c>Models</c>).</summary>
public sealed class ModelOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Models";

    /// <summary>
    /// The model folder (see <see cref="Triage.Models.Classification.ModelFolder"/>), relative to
    /// the application's folder unless rooted. Empty: the keyword rules alone.
    /// </summary>
    public string Folder { get; set; } = string.Empty;

    /// <summary>The folder as an absolute path, or null for the keyword rules.</summary>
    public string? ResolvedFolder => Folder.Length == 0 ? null : Path.IsPathRooted(Folder) ? Folder : Path.Combine(AppContext.BaseDirectory, Folder);
}
