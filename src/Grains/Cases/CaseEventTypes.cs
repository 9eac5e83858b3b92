namespace Triage.Grains.Cases;

/// <summary>The kinds of event a case journal holds.</summary>
public static class CaseEventTypes
{
    /// <summary>The complaint and patient details arrived; body <see cref="CaseOpened"/>.</summary>
    public const string Opened = "case_opened";

    /// <summary>Follow-up answers or added facts arrived; body <see cref="CaseAnswered"/>.</summary>
    public const string Answered = "answers_added";

    /// <summary>A decision was made; body <see cref="CaseAssessed"/>.</summary>
    public const string Assessed = "assessed";

    /// <summary>A decision-support function was invoked for the case; body <see cref="SupportInvoked"/>.</summary>
    public const string SupportInvoked = "support_invoked";
}
