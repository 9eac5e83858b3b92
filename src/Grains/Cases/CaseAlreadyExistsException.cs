namespace Triage.Grains.Cases;

/// <summary>A case id was opened twice.</summary>
[GenerateSerializer, Alias("triage.CaseAlreadyExistsException")]
public sealed class CaseAlreadyExistsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CaseAlreadyExistsException()
        : base("The case already exists.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CaseAlreadyExistsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public CaseAlreadyExistsException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
