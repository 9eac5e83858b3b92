namespace Triage.Grains.Journal;

/// <summary>Another writer appended to the same journal first; the caller's view is stale.</summary>
public sealed class JournalConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JournalConflictException()
        : base("The case journal was changed by another writer.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public JournalConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public JournalConflictException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
