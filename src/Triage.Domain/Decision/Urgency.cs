namespace Triage.Domain.Decision;

/// <summary>How soon the child must be seen.</summary>
public enum Urgency
{
    /// <summary>An ordinary appointment.</summary>
    Routine = 0,

    /// <summary>In person within a day or two.</summary>
    Soon = 1,

    /// <summary>Emergency department now, or call 120.</summary>
    Immediate = 2,
}
