using Triage.Grains.Visits;

namespace Triage.Grains.Feeds;

/// <summary>
/// One change of a case, pushed to whoever watches it: the journal entry it comes from (so a
/// client that reconnects can tell what it already has) and what it means for the visit.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Sequence">The journal entry's sequence number.</param>
/// <param name="EventType">The journal entry's type, e.g. <c>visit_alert</c>.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="Kind">What it tells.</param>
/// <param name="Stage">The visit's stage after it.</param>
/// <param name="Message">The message, for <see cref="CaseNoticeKind.Message"/>.</param>
/// <param name="Alert">The alert, for <see cref="CaseNoticeKind.Alert"/>.</param>
[GenerateSerializer, Immutable, Alias("triage.CaseNotice")]
public sealed record CaseNotice(
    [property: Id(0)] Guid CaseId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] string EventType,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] CaseNoticeKind Kind,
    [property: Id(5)] VisitStage Stage,
    [property: Id(6)] VisitMessage? Message = null,
    [property: Id(7)] VisitAlert? Alert = null);
