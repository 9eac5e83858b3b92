namespace Triage.Grains.Journal;

/// <summary>
/// A journal whose stored chain does not verify or whose entries cannot be read: it is reported as
/// broken and accepts no more changes, so that nothing is ever chained onto a tampered record.
/// The message names the first entry that fails, never its content.
/// </summary>
[GenerateSerializer, Alias("triage.BrokenJournalException")]
public sealed class BrokenJournalException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BrokenJournalException()
        : base("The stored journal is broken; it accepts no changes.")
    {
    }

    /// <summary>Creates the exception naming what is broken.</summary>
    public BrokenJournalException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public BrokenJournalException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
