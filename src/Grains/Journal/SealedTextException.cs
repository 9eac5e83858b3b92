namespace Triage.Grains.Journal;

/// <summary>
/// Sealed text under a key that is not configured: a rotation dropped a key still in use. A fault of
/// the configuration, not of the record (altered text is an <see cref="InvalidDataException"/>).
/// Names the key id, never the content.
/// </summary>
public sealed class SealedTextException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SealedTextException()
        : this("journal: sealed text cannot be opened")
    {
    }

    /// <summary>Creates the exception with a message naming the key id.</summary>
    public SealedTextException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public SealedTextException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
