namespace Triage.Grains.Journal;

/// <summary>
/// A signed statement of the ledger's head at a moment, in the spirit of Certificate Transparency's
/// signed tree heads: exported to the supervision platform as it is made, it lets an auditor show
/// that the ledger up to <see cref="Position"/> was not rebuilt afterwards.
/// </summary>
/// <param name="Position">The ledger entry the checkpoint covers up to.</param>
/// <param name="LedgerHash">That entry's hash.</param>
/// <param name="MadeAt">When it was made (UTC).</param>
/// <param name="Signature">HMAC-SHA256 of the three, lower-case hex, with a key held outside the database.</param>
public sealed record LedgerCheckpoint(long Position, string LedgerHash, DateTimeOffset MadeAt, string Signature);
