namespace Triage.Domain.Physicians;

/// <summary>One whitelist rule a physician does not meet, and why.</summary>
/// <param name="Rule">The rule's code: <c>licence</c>, <c>licence_expired</c>, <c>hospital</c>, <c>title</c>, <c>independent_practice</c>, <c>internet_follow_up</c>, <c>training</c>, <c>suspended</c>, <c>pilot_period</c>.</param>
/// <param name="Reason">What is missing, in words a hospital administrator acts on.</param>
public sealed record WhitelistFailure(string Rule, string Reason);
