namespace Triage.Grains.Journal;

/// <summary>
/// One entry of a journal (a case's, a physician's). <see cref="Hash"/> is SHA-256 over the previous entry's hash
/// and this entry's fields, so changing or removing any entry breaks every hash after it.
/// </summary>
/// <param name="Sequence">1-based position in the journal.</param>
/// <param name="Type">The event's type, named by its user (<see cref="Cases.CaseEventTypes"/>, <see cref="Physicians.PhysicianEventTypes"/>).</param>
/// <param name="OccurredAt">When it was recorded (UTC).</param>
/// <param name="Actor">Who caused it: an app's or a physician's id (never a person's name).</param>
/// <param name="Payload">The event body as canonical JSON; exactly the bytes that were hashed.</param>
/// <param name="PreviousHash">Hash of the previous entry; 64 zeros for the first.</param>
/// <param name="Hash">This entry's hash, lower-case hex.</param>
[GenerateSerializer, Immutable, Alias("triage.JournalEntry")]
public sealed record JournalEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset OccurredAt,
    [property: Id(3)] string Actor,
    [property: Id(4)] string Payload,
    [property: Id(5)] string PreviousHash,
    [property: Id(6)] string Hash);
