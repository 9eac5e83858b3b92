namespace Triage.Support;

/// <summary>The optional language model behind the brief's written summary (section <c>Support</c>).</summary>
public sealed class SupportOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Support";

    /// <summary>Base URL of an OpenAI-compatible chat endpoint (ending in <c>/v1</c>); empty: no summary.</summary>
    public string ChatEndpoint { get; set; } = string.Empty;

    /// <summary>The model name the endpoint serves.</summary>
    public string ChatModel { get; set; } = string.Empty;

    /// <summary>The endpoint's key, when it needs one.</summary>
    public string ChatApiKey { get; set; } = string.Empty;

    /// <summary>How long a summary may take before the brief goes out without it.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>True when an endpoint and a model are set.</summary>
    public bool ChatConfigured => ChatEndpoint.Length > 0 && ChatModel.Length > 0;
}
