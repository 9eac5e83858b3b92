using System.Globalization;
using Microsoft.Data.Sqlite;
using Triage.Grains.Journal;

namespace Triage.Grains.Storage;

/// <summary>
/// Re-checks every journal in the SQLite file and the global ledger against each other: an edited
/// entry breaks its journal's chain, a deleted tail or journal leaves ledger entries without their
/// journal entries, and an entry slipped in leaves a journal entry the ledger never recorded.
/// Checkpoints of the ledger head, signed with a key held outside the database, show a ledger that
/// was rebuilt to match.
/// </summary>
public sealed class SqliteAudit(SqliteDatabase database, CheckpointSigner? signer = null)
{
    /// <summary>
    /// Signs the ledger's head as it is now and stores the checkpoint (once per head); returns it for
    /// export to the supervision platform, or null while the ledger is empty.
    /// </summary>
    public Task<LedgerCheckpoint?> CheckpointAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var key = signer ?? throw new InvalidOperationException("checkpoints need the signing key (Audit:CheckpointKey)");
        return database.WriteAsync(async connection =>
        {
            await using var head = connection.CreateCommand();
            head.CommandText = "SELECT pos, hash FROM ledger ORDER BY pos DESC LIMIT 1";
            await using var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var checkpoint = key.Sign(reader.GetInt64(0), reader.GetString(1), now);
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT OR IGNORE INTO ledger_checkpoints (pos, ledger_hash, made_at, signature) VALUES ($pos, $hash, $at, $sig)";
            insert.Parameters.AddWithValue("$pos", checkpoint.Position);
            insert.Parameters.AddWithValue("$hash", checkpoint.LedgerHash);
            insert.Parameters.AddWithValue("$at", HashChain.FormatTime(checkpoint.MadeAt));
            insert.Parameters.AddWithValue("$sig", checkpoint.Signature);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return (LedgerCheckpoint?)checkpoint;
        }, cancellationToken);
    }

    /// <summary>
    /// Verifies everything and names the first broken link: the journals, the ledger, and the
    /// checkpoints stored beside them plus <paramref name="exported"/> ones (the copies the supervision
    /// platform holds, which a writer of this file cannot delete).
    /// </summary>
    public async Task<AuditResult> VerifyAsync(IReadOnlyList<LedgerCheckpoint>? exported = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // One snapshot for both tables: an append between the two reads would look like a break.
        await using var transaction = connection.BeginTransaction(deferred: true);

        var ledger = new List<(long Pos, string Key, long Sequence, string EntryHash, string Previous, string Hash)>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT pos, journal_key, seq, entry_hash, prev_hash, hash FROM ledger ORDER BY pos";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ledger.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
            }
        }

        var checkpoints = await ReadCheckpointsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

        checkpoints.AddRange(exported ?? []);
        var journals = new Dictionary<string, List<JournalEntry>>(StringComparer.Ordinal);
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT case_id, seq, type, occurred_at, actor, payload, prev_hash, hash FROM case_events ORDER BY case_id, seq";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var key = reader.GetString(0);
                if (!journals.TryGetValue(key, out var entries))
                {
                    journals[key] = entries = [];
                }

                entries.Add(SqliteJournal.ReadEntry(reader, 1));
            }
        }

        var broken = FirstBrokenLink(ledger, checkpoints, journals);
        return new AuditResult(broken is null, ledger.Count, journals.Count, broken, checkpoints.Count);
    }

    /// <summary>The checkpoints stored beside the ledger, oldest first.</summary>
    public async Task<IReadOnlyList<LedgerCheckpoint>> CheckpointsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadCheckpointsAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<LedgerCheckpoint>> ReadCheckpointsAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        var checkpoints = new List<LedgerCheckpoint>();
        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT pos, ledger_hash, made_at, signature FROM ledger_checkpoints ORDER BY pos";
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            checkpoints.Add(new LedgerCheckpoint(reader.GetInt64(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), reader.GetString(3)));
        }

        return checkpoints;
    }

    private string? FirstBrokenLink(
        List<(long Pos, string Key, long Sequence, string EntryHash, string Previous, string Hash)> ledger,
        List<LedgerCheckpoint> checkpoints,
        Dictionary<string, List<JournalEntry>> journals)
    {
        var previous = Ledger.Genesis;
        foreach (var l in ledger)
        {
            if (l.Previous != previous || l.Hash != Ledger.Compute(previous, Guid.ParseExact(l.Key, "N"), l.Sequence, l.EntryHash))
            {
                return $"ledger entry {l.Pos}: does not chain to the one before";
            }

            previous = l.Hash;
        }

        // A ledger rebuilt to match rewritten journals chains again, but not to what was signed before.
        var hashes = ledger.ToDictionary(l => l.Pos, l => l.Hash);
        foreach (var c in checkpoints.OrderBy(c => c.Position))
        {
            if (signer is not null && !signer.Verify(c))
            {
                return $"checkpoint at ledger entry {c.Position}: the signature does not verify";
            }

            if (!hashes.TryGetValue(c.Position, out var hash) || hash != c.LedgerHash)
            {
                return $"ledger entry {c.Position}: differs from the checkpoint signed at {HashChain.FormatTime(c.MadeAt)}";
            }
        }

        var recorded = new HashSet<(string, long)>();
        foreach (var l in ledger)
        {
            recorded.Add((l.Key, l.Sequence));
            if (!journals.TryGetValue(l.Key, out var entries) || l.Sequence > entries.Count || entries[(int)l.Sequence - 1].Sequence != l.Sequence)
            {
                return $"journal {l.Key} entry {l.Sequence}: recorded in the ledger, missing from the journal";
            }

            if (entries[(int)l.Sequence - 1].Hash != l.EntryHash)
            {
                return $"journal {l.Key} entry {l.Sequence}: differs from what the ledger recorded";
            }
        }

        foreach (var (key, entries) in journals.OrderBy(j => j.Key, StringComparer.Ordinal))
        {
            if (HashChain.FirstBroken(entries) is { } broken)
            {
                return $"journal {key} entry {broken}: does not verify";
            }

            if (entries.FirstOrDefault(e => !recorded.Contains((key, e.Sequence))) is { } unrecorded)
            {
                return $"journal {key} entry {unrecorded.Sequence}: not in the ledger";
            }
        }

        return null;
    }
}
