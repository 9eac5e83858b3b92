namespace Triage.Domain.Classification;

/// <summary>Where the complaint goes (policy §2). Priority: emergency, offline, needs_info, then online or out of scope.</summary>
public enum Disposition
{
    /// <summary>Not a pilot specialty, an adult, or no clinical content: the usual channels.</summary>
    OutOfScope = 0,

    /// <summary>Suits an online first visit in a pilot specialty.</summary>
    Online = 1,

    /// <summary>Red flags: emergency care now.</summary>
    Emergency = 2,

    /// <summary>Touches a pilot specialty but needs an in-person visit.</summary>
    Offline = 3,

    /// <summary>Too vague to decide: ask the follow-up questions.</summary>
    NeedsInfo = 4,
}
