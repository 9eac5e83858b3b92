namespace Triage.Silo.Auth;

/// <summary>One caller's key.</summary>
public sealed class ApiKeyEntry
{
    /// <summary>The caller's id, recorded as the actor of its events (e.g. <c>bch-wechat</c>).</summary>
    public string AppId { get; set; } = string.Empty;

    /// <summary>SHA-256 of the key, lower-case hex: <c>printf %s KEY | sha256sum</c>.</summary>
    public string KeySha256 { get; set; } = string.Empty;

    /// <summary>Roles granted, from <see cref="TriageRoles"/>.</summary>
    public List<string> Roles { get; set; } = [];
}
