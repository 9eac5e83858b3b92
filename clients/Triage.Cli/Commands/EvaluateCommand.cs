using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Evaluation;
using Triage.Domain.RedFlags;

namespace Triage.Cli.Commands;

/// <summary><c>triage evaluate --data FILE.jsonl</c>: the safety and accuracy table for labelled data.</summary>
internal static class EvaluateCommand
{
    public static int Run(CommandLine args, TextWriter output, TextWriter error)
    {
        var path = args.Require("--data");
        if (!File.Exists(path))
        {
            error.WriteLine($"--data: file not found: {path}");
            return 2;
        }

        var policy = LocalPolicy.From(args);
        var report = new EvaluationReport();
        var records = LabelledData.Read(path);
        var progress = new ProgressBar(error, records.Count);
        var showMisses = args.Get("--show-misses");
        var misses = new List<string>();
        foreach (var record in records)
        {
            var decision = policy.Assess(ComplaintInput.Build(record.Text));
            if (!LabelNames.TryParseDisposition(record.Disposition, out var expected) || !LabelNames.TryParseSpecialty(record.Specialty, out var expectedSpecialty))
            {
                error.WriteLine($"record {record.Id}: unknown disposition or specialty label");
                return 1;
            }

            report.Add(record.Id, expected, decision.Disposition, expectedSpecialty, decision.Specialty);
            if (showMisses is not null && LabelNames.Of(expected) == showMisses && decision.Disposition != expected)
            {
                // Research corpora only: the text is shown to the developer tuning the rules, never logged.
                var flags = string.Join(",", decision.RedFlags.Select(f => (f.Affirmed ? string.Empty : "!") + RedFlagTags.Name(f.Tag)));
                misses.Add($"{record.Id} -> {LabelNames.Of(decision.Disposition)}/{LabelNames.Of(decision.Specialty)} [{flags}] want [{string.Join(",", record.RedFlags)}] {record.Text[..Math.Min(100, record.Text.Length)]}");
            }
            progress.Advance();
        }

        progress.Done();
        output.WriteLine($"model {policy.ModelVersion}, policy {policy.PolicyVersion}, data {Path.GetFileName(path)}");
        output.Write(report.Format(args.Int("--worst", 15)));
        foreach (var miss in misses)
        {
            output.WriteLine(miss);
        }

        return 0;
    }
}
