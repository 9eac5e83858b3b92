namespace Triage.Grains.Visits;

/// <summary>
/// A visit command the rules do not allow now: an illegal transition, a physician not on the
/// whitelist, a refused prescription. The message says which rule, never any patient detail.
/// </summary>
[GenerateSerializer, Alias("triage.VisitRuleException")]
public sealed class VisitRuleException : Exception
{
    /// <summary>Creates the exception.</summary>
    public VisitRuleException()
        : base("The visit does not allow this now.")
    {
    }

    /// <summary>Creates the exception with the rule that refused.</summary>
    public VisitRuleException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public VisitRuleException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
