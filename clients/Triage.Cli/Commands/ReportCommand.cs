using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using Triage.Analytics.Projection;
using Triage.Analytics.Queries;
using Triage.Analytics.Report;
using Triage.Api.V1;
using Triage.Client;
using Triage.Grains.Storage;
using QueryTable = Triage.Analytics.Queries.AnalyticsTable;

namespace Triage.Cli.Commands;

/// <summary>
/// <c>triage report --from 2026-01-01 --to 2026-12-31 --out report.html</c> (<c>--url</c> and
/// <c>--api-key</c> of an evaluator or regulator against a running service, or <c>--db</c> on a
/// stopped embedded database): the evaluation report as one self-contained HTML file.
/// </summary>
internal static class ReportCommand
{
    public static async Task<int> RunAsync(CommandLine args, TextWriter output, CancellationToken cancellationToken)
    {
        var from = DateOf(args.Require("--from"), "--from");
        var to = DateOf(args.Require("--to"), "--to");
        var path = args.Require("--out");
        if (new AnalyticsFilter { From = from, To = to }.Problem() is { } problem)
        {
            throw new UsageException(problem.Replace("to:", "--to:", StringComparison.Ordinal));
        }

        var clock = Stopwatch.StartNew();
        EvaluationReport report;
        if (args.Get("--db") is { } db)
        {
            report = await FromDatabaseAsync(db, from, to, cancellationToken).ConfigureAwait(false);
        }
        else if (args.Get("--url") is { } url)
        {
            report = await FromServiceAsync(new Uri(url), args.Require("--api-key"), from, to, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw new UsageException("--db PATH or --url URL --api-key KEY is required");
        }

        var queried = clock.Elapsed;
        await File.WriteAllTextAsync(path, ReportRenderer.Render(report), cancellationToken).ConfigureAwait(false);
        var cases = report.Tables["totals"].Rows.Count > 0 ? report.Tables["totals"].Rows[0]["cases"] ?? 0 : 0;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"report of {cases:N0} cases written to {path} in {clock.Elapsed.TotalSeconds:F2} s (figures {queried.TotalSeconds:F2} s)"));
        return 0;
    }

    /// <summary>The report from a stopped embedded database, through the projection beside it (brought up to date first).</summary>
    public static async Task<EvaluationReport> FromDatabaseAsync(string db, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (!File.Exists(db))
        {
            throw new UsageException("--db: no such database file");
        }

        using var database = new SqliteDatabase(db);
        AnalyticsStore store;
        try
        {
            store = new AnalyticsStore(AnalyticsStore.PathBeside(db));
        }
        catch (DuckDB.NET.Data.DuckDBException)
        {
            throw new UsageException("--db: the analytics file beside the database is in use; stop the service, or use --url");
        }

        using (store)
        {
            var queries = new EvaluationQueries(new AnalyticsProjector(database, store), store);
            return await EvaluationReport.BuildAsync(from, to, Path.GetFileName(db), TimeProvider.System, queries.RunAsync, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<EvaluationReport> FromServiceAsync(Uri url, string apiKey, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var invoker = TriageChannel.Invoker(url, apiKey, out var channel);
        using (channel)
        {
            var client = new AnalyticsService.AnalyticsServiceClient(invoker);
            return await EvaluationReport.BuildAsync(from, to, url.GetLeftPart(UriPartial.Authority), TimeProvider.System,
                (name, filter, ct) => QueryAsync(client, name, filter, ct), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<QueryTable> QueryAsync(AnalyticsService.AnalyticsServiceClient client, string name, AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        var request = new AnalyticsRequest { From = filter.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), To = filter.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        request.GroupBy.AddRange(filter.GroupBy);
        var call = name switch
        {
            "volumes" => client.GetVolumesAsync(request, cancellationToken: cancellationToken),
            "redirections" => client.GetRedirectionsAsync(request, cancellationToken: cancellationToken),
            "red_flags" => client.GetRedFlagsAsync(request, cancellationToken: cancellationToken),
            "funnel" => client.GetFunnelAsync(request, cancellationToken: cancellationToken),
            "visits" => client.GetVisitsAsync(request, cancellationToken: cancellationToken),
            "agreement" => client.GetAgreementAsync(request, cancellationToken: cancellationToken),
            "agreement_matrix" => client.GetAgreementMatrixAsync(request, cancellationToken: cancellationToken),
            "compliance" => client.GetComplianceAsync(request, cancellationToken: cancellationToken),
            "workload" => client.GetWorkloadAsync(request, cancellationToken: cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        var table = await call.ResponseAsync.ConfigureAwait(false);
        var rows = table.Rows.Select(r => new Triage.Analytics.Queries.AnalyticsRow(
            r.Keys.ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal),
            table.Measures.ToDictionary(m => m, m => r.Values.TryGetValue(m, out var v) ? v : (double?)null, StringComparer.Ordinal))).ToList();
        return new QueryTable(table.Query, [.. table.Keys], [.. table.Measures], rows, table.SuppressedGroups);
    }

    private static DateOnly DateOf(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"{option} must be a date, YYYY-MM-DD");
}
