namespace Triage.Silo.Auth;

/// <summary>The callers' API keys (section <c>Auth</c>). Only SHA-256 hashes of keys are configured.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Auth";

    /// <summary>One entry per caller.</summary>
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];
}
