namespace Triage.Grains.Journal;

/// <summary>
/// The journal's database cannot be reached or failed mid-transaction (a restart, a network fault).
/// Nothing was acknowledged; the caller may retry, and the service answers "unavailable", not an error.
/// </summary>
[GenerateSerializer, Alias("triage.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageUnavailableException()
        : this("storage: the database cannot be reached; retry")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause (kept out of what callers see).</summary>
    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
