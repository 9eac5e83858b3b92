namespace Triage.Grains.Journal;

/// <summary>What an audit of every journal against the ledger found.</summary>
/// <param name="Intact">True when every journal and the ledger verify and agree.</param>
/// <param name="LedgerEntries">Entries in the ledger.</param>
/// <param name="Journals">Journals checked.</param>
/// <param name="FirstBrokenLink">The first link that fails, named by journal and sequence, never by content; null when intact.</param>
/// <param name="Checkpoints">Signed checkpoints checked (stored and exported).</param>
public sealed record AuditResult(bool Intact, long LedgerEntries, int Journals, string? FirstBrokenLink, int Checkpoints = 0);
