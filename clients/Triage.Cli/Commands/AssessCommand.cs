using System.Text.Json;
using Triage.Cli.Batch;

namespace Triage.Cli.Commands;

/// <summary>
/// <c>triage assess --in cases.jsonl --out decisions.jsonl (--url URL --api-key KEY | --in-process)</c>:
/// assesses every line and writes one decision per line, in input order.
/// </summary>
internal static class AssessCommand
{
    private const int Parallelism = 8;

    public static async Task<int> RunAsync(CommandLine args, TextWriter error, CancellationToken cancellationToken)
    {
        var input = args.Require("--in");
        var output = args.Require("--out");
        if (!File.Exists(input))
        {
            throw new UsageException($"--in: file not found: {input}");
        }

        await using IBatchAssessor assessor = args.Has("--in-process")
            ? new InProcessAssessor(LocalPolicy.From(args))
            : new RemoteAssessor(
                Uri.TryCreate(args.Require("--url"), UriKind.Absolute, out var url) ? url : throw new UsageException("--url must be an absolute URL"),
                args.Get("--api-key") ?? Environment.GetEnvironmentVariable("TRIAGE_API_KEY") ?? throw new UsageException("--api-key (or TRIAGE_API_KEY) is required with --url"));

        var lines = await File.ReadAllLinesAsync(input, cancellationToken);
        var results = new BatchOutput[lines.Length];
        var progress = new ProgressBar(error, lines.Length);
        var failures = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, lines.Length), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            results[i] = await AssessLineAsync(assessor, lines[i], i + 1, ct);
            if (results[i].Error is not null)
            {
                Interlocked.Increment(ref failures);
            }

            lock (progress)
            {
                progress.Advance();
            }
        });
        progress.Done();

        await using var writer = new StreamWriter(output);
        foreach (var r in results.Where(r => r is not null))
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(r, BatchJson.Options));
        }

        error.WriteLine($"{results.Length - failures} assessed, {failures} rejected; wrote {output}");
        return failures == 0 ? 0 : 1;
    }

    private static async Task<BatchOutput> AssessLineAsync(IBatchAssessor assessor, string line, int number, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return new BatchOutput { Id = null, Error = $"line {number}: empty" };
        }

        BatchInput? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<BatchInput>(line, BatchJson.Options);
        }
        catch (JsonException)
        {
            return new BatchOutput { Error = $"line {number}: not a JSON object" };
        }

        if (parsed is null || string.IsNullOrWhiteSpace(parsed.Text) || parsed.Text.Length > 4000)
        {
            return new BatchOutput { Id = parsed?.Id, Error = $"line {number}: text must be 1-4000 characters" };
        }

        return await assessor.AssessAsync(parsed, ct);
    }
}
