using System.Data.Common;
using System.Globalization;
using Triage.Grains.Journal;

namespace Triage.Grains.Storage;

/// <summary>
/// Re-checks every journal and the global ledger against each other, in the embedded file or in
/// PostgreSQL alike: an edited entry breaks its journal's chain, a deleted tail or journal leaves
/// ledger entries without their journal entries, and an entry slipped in leaves a journal entry the
/// ledger never recorded. Checkpoints of the ledger head, signed with a key held outside the
/// database, show a ledger that was rebuilt to match.
/// </summary>
public sealed class LedgerAudit(ILedgerDatabase database, CheckpointSigner? signer = null)
{
    /// <summary>
    /// Signs the ledger's head as it is now and stores the checkpoint (once per head); returns it for
    /// export to the supervision platform, or null while the ledger is empty. Silos of a cluster that
    /// sign the same head store it once.
    /// </summary>
    public Task<LedgerCheckpoint?> CheckpointAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var key = signer ?? throw new InvalidOperationException("checkpoints need the signing key (Audit:CheckpointKey)");
        return database.WriteAsync(async connection =>
        {
            LedgerCheckpoint checkpoint;
            await using (var head = connection.CreateCommand())
            {
                head.CommandText = "SELECT pos, hash FROM ledger ORDER BY pos DESC LIMIT 1";
                await using var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                checkpoint = key.Sign(reader.GetInt64(0), reader.GetString(1), now);
            }

            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO ledger_checkpoints (pos, ledger_hash, made_at, signature) VALUES (@pos, @hash, @at, @sig) ON CONFLICT DO NOTHING";
            insert.AddParameter("pos", checkpoint.Position);
            insert.AddParameter("hash", checkpoint.LedgerHash);
            insert.AddParameter("at", HashChain.FormatTime(checkpoint.MadeAt));
            insert.AddParameter("sig", checkpoint.Signature);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return (LedgerCheckpoint?)checkpoint;
        }, cancellationToken);
    }

    /// <summary>
    /// Verifies everything and names the first broken link: the journals, the ledger, and the
    /// checkpoints stored beside them plus <paramref name="exported"/> ones (the copies the supervision
    /// platform holds, which a writer of the database cannot delete). Streams the tables: memory holds
    /// one journal at a time, whatever the number of cases.
    /// </summary>
    public async Task<AuditResult> VerifyAsync(IReadOnlyList<LedgerCheckpoint>? exported = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        // One snapshot for every read: an append between two reads would look like a break.
        await using var transaction = await database.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        var checkpoints = await ReadCheckpointsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        checkpoints.AddRange(exported ?? []);

        var (ledgerEntries, signedHashes, broken) = await ReadLedgerAsync(connection, transaction, checkpoints.Select(c => c.Position).ToHashSet(), cancellationToken).ConfigureAwait(false);
        broken ??= CheckCheckpoints(checkpoints, signedHashes) ?? await LedgerAgainstJournalsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var (journals, brokenJournal) = await CheckJournalsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        broken ??= brokenJournal;
        return new AuditResult(broken is null, ledgerEntries, journals, broken, checkpoints.Count);
    }

    /// <summary>The checkpoints stored beside the ledger, oldest first.</summary>
    public async Task<IReadOnlyList<LedgerCheckpoint>> CheckpointsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        return await ReadCheckpointsAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    // The ledger's own chain, in order; the hashes at checkpointed positions are kept for the checkpoints.
    private static async Task<(long Entries, Dictionary<long, string> Signed, string? Broken)> ReadLedgerAsync(DbConnection connection, DbTransaction transaction, HashSet<long> signed, CancellationToken cancellationToken)
    {
        await using var read = Command(connection, transaction, "SELECT pos, journal_key, seq, entry_hash, prev_hash, hash FROM ledger ORDER BY pos");
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var previous = Ledger.Genesis;
        var hashes = new Dictionary<long, string>();
        long entries = 0;
        string? broken = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries++;
            var (pos, hash) = (reader.GetInt64(0), reader.GetString(5));
            if (broken is null
                && (reader.GetString(4) != previous || hash != Ledger.Compute(previous, JournalRows.ReadKey(reader, 1), reader.GetInt64(2), reader.GetString(3))))
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
    private static async Task<string?> LedgerAgainstJournalsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var read = Command(connection, transaction, """
            SELECT l.journal_key, l.seq, e.hash IS NULL FROM ledger l
            LEFT JOIN case_events e ON e.case_id = l.journal_key AND e.seq = l.seq
            WHERE e.hash IS NULL OR e.hash <> l.entry_hash ORDER BY l.pos LIMIT 1
            """);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return !await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? null
            : reader.GetBoolean(2) ? $"journal {Key(reader, 0)} entry {reader.GetInt64(1)}: recorded in the ledger, missing from the journal"
            : $"journal {Key(reader, 0)} entry {reader.GetInt64(1)}: differs from what the ledger recorded";
    }

    // Each journal's chain, one journal in memory at a time, in key order; and entries the ledger never recorded.
    private static async Task<(int Journals, string? Broken)> CheckJournalsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        (string Key, long Sequence)? unrecorded = null;
        await using (var find = Command(connection, transaction, """
            SELECT e.case_id, e.seq FROM case_events e
            LEFT JOIN ledger l ON l.journal_key = e.case_id AND l.seq = e.seq
            WHERE l.pos IS NULL ORDER BY e.case_id, e.seq LIMIT 1
            """))
        {
            await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                unrecorded = (Key(reader, 0), reader.GetInt64(1));
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

        await using var read = Command(connection, transaction, $"SELECT case_id, {JournalRows.EntryColumns} FROM case_events ORDER BY case_id, seq");
        await using var rows = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var next = Key(rows, 0);
            if (next != key)
            {
                Finish();
                journals++;
                key = next;
                entries.Clear();
            }

            if (broken is null)
            {
                entries.Add(JournalRows.ReadEntry(rows, 1));
            }
        }

        Finish();
        return (journals, broken);
    }

    private static async Task<List<LedgerCheckpoint>> ReadCheckpointsAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var checkpoints = new List<LedgerCheckpoint>();
        await using var read = Command(connection, transaction, "SELECT pos, ledger_hash, made_at, signature FROM ledger_checkpoints ORDER BY pos");
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            checkpoints.Add(new LedgerCheckpoint(reader.GetInt64(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), reader.GetString(3)));
        }

        return checkpoints;
    }

    private static string Key(DbDataReader reader, int ordinal) => JournalRows.ReadKey(reader, ordinal).ToString("N");

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
