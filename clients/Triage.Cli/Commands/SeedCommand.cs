using System.Diagnostics;
using System.Globalization;
using Triage.Analytics.Projection;
using Triage.Analytics.Seeding;
using Triage.Grains.Storage;

namespace Triage.Cli.Commands;

/// <summary>
/// <c>triage seed --cases 1000000 --db PATH</c>: fills an embedded database (stopped service) with a
/// synthetic pilot year through the service's journal and ledger, then brings the analytics projection
/// up to date through the same projector the service runs, and reports both rates.
/// </summary>
internal static class SeedCommand
{
    public static async Task<int> RunAsync(CommandLine args, TextWriter output, CancellationToken cancellationToken)
    {
        var cases = args.Int("--cases", 10_000);
        var path = args.Require("--db");
        var seed = args.Int("--seed", 2026);
        var year = args.Int("--year", 2026);

        using var database = new SqliteDatabase(path);
        var clock = Stopwatch.StartNew();
        var progress = new Progress<long>(n => Console.Error.Write($"\rseeded {n:N0}/{cases:N0}"));
        var tally = await new SyntheticYear(new SqliteJournal(database), seed).WriteAsync(cases, year, progress, cancellationToken).ConfigureAwait(false);
        var seeded = clock.Elapsed;
        Console.Error.WriteLine();

        clock.Restart();
        using var store = new AnalyticsStore(AnalyticsStore.PathBeside(path));
        var position = await new AnalyticsProjector(database, store).CatchUpAsync(cancellationToken).ConfigureAwait(false);
        var projected = clock.Elapsed;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded {tally.Cases:N0} cases ({tally.Events:N0} journal events) in {seeded.TotalSeconds:F1} s: {tally.Cases / seeded.TotalSeconds:N0} cases/s, {tally.Events / seeded.TotalSeconds:N0} events/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"projected to ledger entry {position:N0} in {projected.TotalSeconds:F1} s: {tally.Events / Math.Max(projected.TotalSeconds, 0.001):N0} events/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"booked {tally.Booked:N0}, started {tally.Started:N0}, completed {tally.Completed:N0}, alerts {tally.Alerts:N0}; breaches written on purpose: {tally.WithoutGuardian} without guardian, {tally.NotWhitelisted} not whitelisted, {tally.UnsignedPrescriptions} unsigned"));
        return 0;
    }
}
