namespace Triage.Analytics.Projection;

/// <summary>A physician's whitelist standing as their journal recorded it at a ledger position.</summary>
/// <param name="Position">Position in the global ledger.</param>
/// <param name="PhysicianKey">The physician's journal key.</param>
/// <param name="At">When recorded (UTC).</param>
/// <param name="Hospital">The hospital the standing is for.</param>
/// <param name="Specialties">The specialties the physician may take first visits in; empty when off the whitelist.</param>
public sealed record PhysicianFact(long Position, string PhysicianKey, DateTimeOffset At, string Hospital, IReadOnlyList<string> Specialties);
