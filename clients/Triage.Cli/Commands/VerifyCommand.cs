using System.Diagnostics;
using System.Globalization;
using Triage.Grains.Journal;
using Triage.Grains.Storage;

namespace Triage.Cli.Commands;

/// <summary>
/// <c>triage verify --db PATH [--checkpoints checkpoints.jsonl] [--key-file checkpoint.key]</c>: the
/// audit of a stopped embedded database, as <c>VerifyAudit</c> runs it in the service: every journal
/// against the global ledger and the signed checkpoints. Exit code 0 when intact, 1 when broken.
/// </summary>
internal static class VerifyCommand
{
    public static async Task<int> RunAsync(CommandLine args, TextWriter output, CancellationToken cancellationToken)
    {
        var path = args.Require("--db");
        if (!File.Exists(path))
        {
            throw new UsageException("--db: no such database file");
        }

        var signer = args.Get("--key-file") is { } keyFile
            ? new CheckpointSigner(Convert.FromBase64String((await File.ReadAllTextAsync(keyFile, cancellationToken).ConfigureAwait(false)).Trim()))
            : null;
        var exported = args.Get("--checkpoints") is { } file ? await CheckpointExport.ReadAsync(file, cancellationToken).ConfigureAwait(false) : [];

        using var database = new SqliteDatabase(path);
        var clock = Stopwatch.StartNew();
        var result = await new LedgerAudit(database, signer).VerifyAsync(exported, cancellationToken).ConfigureAwait(false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(result.Intact ? "intact" : "BROKEN: " + result.FirstBrokenLink)}; {result.LedgerEntries:N0} ledger entries, {result.Journals:N0} journals, {result.Checkpoints} checkpoints{(signer is null ? " (signatures not checked: no --key-file)" : string.Empty)}; {clock.Elapsed.TotalSeconds:F1} s"));
        return result.Intact ? 0 : 1;
    }
}
