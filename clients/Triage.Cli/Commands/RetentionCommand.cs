using Triage.Grains.Hosting;
using Triage.Grains.Storage;

namespace Triage.Cli.Commands;

/// <summary>
/// <c>triage retention --dry-run --db PATH [--as-of YYYY-MM-DD] [--medical-years 15] [--process-years 3]</c>:
/// counts the cases whose retention period is over. Only a dry run exists: nothing is ever removed.
/// </summary>
internal static class RetentionCommand
{
    public static async Task<int> RunAsync(CommandLine args, TextWriter output, CancellationToken cancellationToken)
    {
        if (!args.Has("--dry-run"))
        {
            throw new UsageException("--dry-run is required: retention only reports what is due, it removes nothing");
        }

        var path = args.Require("--db");
        if (!File.Exists(path))
        {
            throw new UsageException("--db: no such database file");
        }

        var asOf = args.Get("--as-of") is { } text
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", out var day) ? day : throw new UsageException("--as-of must be a date, YYYY-MM-DD")
            : DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var options = new RetentionOptions { MedicalRecordYears = args.Int("--medical-years", 15), ProcessRecordYears = args.Int("--process-years", 3) };
        if (options.Problem() is { } problem)
        {
            throw new UsageException(problem);
        }

        using var database = new SqliteDatabase(path);
        output.WriteLine(SqliteRetention.Describe(await new SqliteRetention(database, options).DryRunAsync(asOf, cancellationToken).ConfigureAwait(false)));
        return 0;
    }
}
