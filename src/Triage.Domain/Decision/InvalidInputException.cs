namespace Triage.Domain.Decision;

/// <summary>
/// A request field that breaks the input rules. The message names the field and the rule, never the
/// value sent (it may be a child's name or an id number).
/// </summary>
public sealed class InvalidInputException : Exception
{
    /// <summary>Creates the exception for <paramref name="field"/>.</summary>
    public InvalidInputException(string field, string problem)
        : base($"{field}: {problem}")
    {
        Field = field;
        Problem = problem;
    }

    /// <summary>Creates the exception without details (for serialisers).</summary>
    public InvalidInputException()
        : this("input", "invalid")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public InvalidInputException(string message)
        : this("input", message)
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public InvalidInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "input";
        Problem = message;
    }

    /// <summary>The field, in the API's spelling (<c>complaint</c>, <c>patient.age_months</c>).</summary>
    public string Field { get; } = "input";

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; } = "invalid";
}
