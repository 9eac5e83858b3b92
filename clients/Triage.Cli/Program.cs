using Triage.Cli;
using Triage.Cli.Commands;

try
{
    var command = CommandLine.Parse(args);
    return command.Command switch
    {
        "evaluate" => EvaluateCommand.Run(command, Console.Out, Console.Error),
        "assess" => await AssessCommand.RunAsync(command, Console.Error, CancellationToken.None),
        "train" => TrainCommand.Run(command, Console.Error),
        "load" => await LoadCommand.RunAsync(command, Console.Out, CancellationToken.None),
        "seed" => await SeedCommand.RunAsync(command, Console.Out, CancellationToken.None),
        "report" => await ReportCommand.RunAsync(command, Console.Out, CancellationToken.None),
        "verify" => await VerifyCommand.RunAsync(command, Console.Out, CancellationToken.None),
        "retention" => await RetentionCommand.RunAsync(command, Console.Out, CancellationToken.None),
        _ => Usage(),
    };
}
catch (Grpc.Core.RpcException e)
{
    // The service is down, unreachable or refused the key: say so, without a stack trace.
    Console.Error.WriteLine($"triage: the service answered {e.StatusCode}: {e.Status.Detail}");
    return 3;
}
catch (Triage.Models.Classification.ModelVocabularyMismatchException e)
{
    // A model read with other words than this build's vocabulary would decide on features it never learnt.
    Console.Error.WriteLine($"triage: {e.Message}");
    return 2;
}
catch (UsageException e)
{
    Console.Error.WriteLine($"triage: {e.Message}");
    Usage();
    return 2;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          triage assess --in cases.jsonl --out decisions.jsonl (--url http://127.0.0.1:5180 --api-key KEY | --in-process [--model models | --rules-only] [--as-of YYYY-MM-DD])
          triage load --url http://127.0.0.1:5180 --api-key KEY [--requests 2000] [--concurrency 16] [--in cases.jsonl]
          triage train --data ../shared/data --out models
          triage report --from 2026-01-01 --to 2026-12-31 --out report.html (--db data/triage.db | --url http://127.0.0.1:5180 --api-key KEY)
          triage verify --db data/triage.db [--checkpoints data/checkpoints.jsonl] [--key-file data/checkpoint.key]
          triage retention --dry-run --db data/triage.db [--as-of YYYY-MM-DD] [--medical-years 15] [--process-years 3]
          triage seed --cases 1000000 --db data/seeded.db [--seed 2026] [--year 2026]
          triage evaluate --data labelled.jsonl [--model models | --rules-only] [--worst 15] [--as-of YYYY-MM-DD] [--show-misses DISPOSITION]
        In process, decisions are made by the served model (models/current of this repository) unless --model names
        another (a version folder, or a models folder and its 'current') or --rules-only asks for the keyword rules alone.
        --as-of decides in-process as on that Beijing date (default: now); the pilot period depends on it.
        """);
    return 2;
}
