namespace Triage.Support.Filters;

/// <summary>Decision support was asked to produce a prescription, which only the physician may write.</summary>
public sealed class PrescriptionRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PrescriptionRefusedException()
        : base("Decision support never produces a prescription: the physician writes and signs it.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PrescriptionRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public PrescriptionRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
