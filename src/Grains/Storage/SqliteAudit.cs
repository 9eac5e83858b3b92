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
    /// platform holds, which a writer of this file cannot delete). Streams the file: memory holds one
    /// journal at a time, whatever the number of cases.
    /// </summary>
    public async Task<AuditResult> VerifyAsync(IReadOnlyList<LedgerCheckpoint>? exported = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // One snapshot for every read: an append between two reads would look like a break.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var checkpoints = await ReadCheckpointsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        checkpoints.AddRange(exported ?? []);

        var (ledgerEntries, signedHashes, broken) = ReadLedger(connection, transaction, checkpoints.Select(c => c.Position).ToHashSet(), cancellationToken);
        broken ??= CheckCheckpoints(checkpoints, signedHashes) ?? LedgerAgainstJournals(connection, transaction);
        var (journals, brokenJournal) = CheckJournals(connection, transaction, cancellationToken);
        broken ??= brokenJournal;
        return new AuditResult(broken is null, ledgerEntries, journals, broken, checkpoints.Count);
    }

    // The ledger's own chain, in order; the hashes at checkpointed positions are kept for the checkpoints.
    private static (long Entries, Dictionary<long, string> Signed, string? Broken) ReadLedger(SqliteConnection connection, SqliteTransaction transaction, HashSet<long> signed, CancellationToken cancellationToken)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT pos, journal_key, seq, entry_hash, prev_hash, hash FROM ledger ORDER BY pos";
        using var reader = read.ExecuteReader();
        var previous = Ledger.Genesis;
        var hashes = new Dictionary<long, string>();
        long entries = 0;
        string? broken = null;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            entries++;
            var (pos, hash) = (reader.GetInt64(0), reader.GetString(5));
            if (broken is null
                && (reader.GetString(4) != previous || hash != Ledger.Compute(previous, Guid.ParseExact(reader.GetString(1), "N"), reader.GetInt64(2), reader.GetString(3))))
            {
                broken = $"ledger entry {pos}: does not chain to the one before";
            }

            if (signed.Contains(pos))
            {
                hashes[pos] = hash;
            }

            previous = hash;
        }

        return (entries, hashes, broken);
    }

    // A ledger rebuilt to match rewritten journals chains again, but not to what was signed before.
    private string? CheckCheckpoints(List<LedgerCheckpoint> checkpoints, Dictionary<long, string> hashes)
    {
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

        return null;
    }

    // Every ledger entry has its journal entry, unchanged; the first that does not, in ledger order.
    private static string? LedgerAgainstJournals(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = """
            SELECT l.journal_key, l.seq, e.hash IS NULL FROM ledger l
            LEFT JOIN case_events e ON e.case_id = l.journal_key AND e.seq = l.seq
            WHERE e.hash IS NULL OR e.hash <> l.entry_hash ORDER BY l.pos LIMIT 1
            """;
        using var reader = read.ExecuteReader();
        return !reader.Read() ? null
            : reader.GetBoolean(2) ? $"journal {reader.GetString(0)} entry {reader.GetInt64(1)}: recorded in the ledger, missing from the journal"
            : $"journal {reader.GetString(0)} entry {reader.GetInt64(1)}: differs from what the ledger recorded";
    }

    // Each journal's chain, one journal in memory at a time, in key order; and entries the ledger never recorded.
    private static (int Journals, string? Broken) CheckJournals(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        (string Key, long Sequence)? unrecorded = null;
        using (var find = connection.CreateCommand())
        {
            find.Transaction = transaction;
            find.CommandText = """
                SELECT e.case_id, e.seq FROM case_events e
                LEFT JOIN ledger l ON l.journal_key = e.case_id AND l.seq = e.seq
                WHERE l.pos IS NULL ORDER BY e.case_id, e.seq LIMIT 1
                """;
            using var reader = find.ExecuteReader();
            if (reader.Read())
            {
                unrecorded = (reader.GetString(0), reader.GetInt64(1));
            }
        }

        var journals = 0;
        string? broken = null;
        var key = string.Empty;
        var entries = new List<JournalEntry>();
        void Finish()
        {
            if (broken is null && entries.Count > 0)
            {
                if (HashChain.FirstBroken(entries) is { } at)
                {
                    broken = $"journal {key} entry {at}: does not verify";
                }
                else if (unrecorded is { } u && u.Key == key)
                {
                    broken = $"journal {key} entry {u.Sequence}: not in the ledger";
                }
            }
        }

        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT case_id, seq, type, occurred_at, actor, payload, prev_hash, hash FROM case_events ORDER BY case_id, seq";
        using var rows = read.ExecuteReader();
        while (rows.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = rows.GetString(0);
            if (next != key)
            {
                Finish();
                journals++;
                key = next;
                entries.Clear();
            }

            if (broken is null)
            {
                entries.Add(SqliteJournal.ReadEntry(rows, 1));
            }
        }

        Finish();
        return (journals, broken);
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
}
