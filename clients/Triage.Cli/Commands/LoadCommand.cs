using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Triage.Api.V1;
using Triage.Cli.Batch;
using Triage.Client;

namespace Triage.Cli.Commands;

/// <summary>
/// <c>triage load --url URL --api-key KEY [--requests 2000] [--concurrency 16] [--in cases.jsonl]</c>:
/// a bounded load on a running service over gRPC; every request opens a durable case. Prints a
/// progress line every second, then throughput, latency percentiles of the answered calls and the
/// refusals by gRPC status (exit code 1 when any). Only point it at a service of your own.
/// </summary>
internal static class LoadCommand
{
    private static readonly string[] DefaultComplaints =
    [
        "宝宝8个月，脸上湿疹两周了，不发烧",
        "孩子6岁，个子比同学矮很多，想咨询长高",
        "孩子5岁，挑食，不爱吃饭，很瘦",
        "孩子3岁，突然抽搐，叫不醒",
        "脸上长了很多痘痘，怎么办",
    ];

    public static async Task<int> RunAsync(CommandLine args, TextWriter output, CancellationToken cancellationToken)
    {
        var url = Uri.TryCreate(args.Require("--url"), UriKind.Absolute, out var u) ? u : throw new UsageException("--url must be an absolute URL");
        if (!u.IsLoopback)
        {
            throw new UsageException("--url must be a loopback address: load is only for a service of your own on this machine");
        }

        var apiKey = args.Get("--api-key") ?? Environment.GetEnvironmentVariable("TRIAGE_API_KEY") ?? throw new UsageException("--api-key is required");
        var requests = args.Int("--requests", 2000);
        var concurrency = args.Int("--concurrency", 16);
        var complaints = args.Get("--in") is { } path
            ? File.ReadLines(path).Select(l => JsonSerializer.Deserialize<BatchInput>(l, BatchJson.Options)?.Text).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToArray()
            : DefaultComplaints;
        if (complaints.Length == 0)
        {
            throw new UsageException("--in holds no complaint");
        }

        var client = TriageChannel.Create(url, apiKey, out var channel);
        using var _ = channel;
        // One warm-up call so connection set-up and JIT are not counted.
        await client.AssessAsync(new AssessRequest { Complaint = complaints[0] }, cancellationToken: cancellationToken);

        var latencies = new double[requests];
        var failed = new bool[requests];
        var errors = new System.Collections.Concurrent.ConcurrentDictionary<Grpc.Core.StatusCode, int>();
        var next = -1;
        var done = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await client.AssessAsync(new AssessRequest { Complaint = complaints[i % complaints.Length] }, cancellationToken: cancellationToken);
                }
                catch (Grpc.Core.RpcException e) when (e.StatusCode != Grpc.Core.StatusCode.Cancelled)
                {
                    // Counted by status and the run goes on: a load test reports refusals, it does not stop at the first.
                    errors.AddOrUpdate(e.StatusCode, 1, (_, n) => n + 1);
                    failed[i] = true;
                }

                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Interlocked.Increment(ref done);
            }
        }).ToList();

        var all = Task.WhenAll(workers);
        var c = CultureInfo.InvariantCulture;
        var lastDone = 0;
        var lastErrors = 0;
        while (await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(1), cancellationToken)) != all)
        {
            // One progress line a second: what was answered in it, and refusals so far.
            var nowDone = Volatile.Read(ref done);
            var nowErrors = errors.Values.Sum();
            output.WriteLine(string.Create(c, $"  {clock.Elapsed.TotalSeconds,5:F0} s  {nowDone - lastDone - (nowErrors - lastErrors),6}/s ok  {nowErrors - lastErrors,5}/s errors  {nowDone,8} done"));
            (lastDone, lastErrors) = (nowDone, nowErrors);
        }

        await all;
        clock.Stop();

        var ok = latencies.Where((_, i) => !failed[i]).Order().ToArray();
        var errorCount = requests - ok.Length;
        double P(double q) => ok.Length == 0 ? double.NaN : ok[Math.Min(ok.Length - 1, (int)Math.Ceiling(q * ok.Length) - 1)];
        output.WriteLine(string.Create(c, $"requests {requests}, concurrency {concurrency}, {clock.Elapsed.TotalSeconds:F2} s, {ok.Length / clock.Elapsed.TotalSeconds:F0} assessments/s"));
        output.WriteLine(string.Create(c, $"latency ms: p50 {P(0.50):F2}, p95 {P(0.95):F2}, p99 {P(0.99):F2}, max {(ok.Length == 0 ? double.NaN : ok[^1]):F2}"));
        output.WriteLine(errorCount == 0
            ? "errors: none"
            : "errors: " + string.Join(", ", errors.OrderBy(e => e.Key).Select(e => string.Create(c, $"{e.Key} {e.Value}"))));
        return errorCount == 0 ? 0 : 1;
    }
}
