namespace Triage.Models.Classification;

/// <summary>
/// No decision can be made: the configured model could not be loaded. The service answers
/// "unavailable" rather than deciding with anything else, and reports itself not ready.
/// </summary>
public sealed class ModelUnavailableException : Exception
{
    /// <summary>A new exception.</summary>
    public ModelUnavailableException()
        : base("model: the configured model is not loaded; no decision can be made now")
    {
    }

    /// <summary>A new exception with <paramref name="message"/>.</summary>
    public ModelUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>A new exception with <paramref name="message"/> and its cause.</summary>
    public ModelUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
