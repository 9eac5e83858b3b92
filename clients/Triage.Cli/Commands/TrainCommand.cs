using System.Diagnostics;
using Triage.Models.Classification;
using Triage.Models.Features;
using Triage.Training;

namespace Triage.Cli.Commands;

/// <summary>
/// <c>triage train --data ../shared/data --out models</c>: trains a model version into
/// <c>models/VERSION/</c> and points <c>models/current</c> at it. On a CPU with AVX-512 it runs itself
/// again with 512-bit vectors switched off, so that the same data trains the same model everywhere.
/// </summary>
internal static class TrainCommand
{
    /// <summary>The file naming the model version the service serves.</summary>
    public const string CurrentFile = "current";

    public static int Run(CommandLine args, TextWriter error)
    {
        var data = args.Require("--data");
        var output = args.Require("--out");
        if (!File.Exists(Path.Combine(data, "train.jsonl")))
        {
            throw new UsageException($"--data: no train.jsonl in {data}");
        }

        // Once only: a child that still has wide vectors fails in the pipeline, naming the switch.
        if (TrainingMachine.UsesWideVectors && Environment.GetEnvironmentVariable(TrainingMachine.PinVariable) != "0")
        {
            return RunWithReproducibleVectors(error);
        }

        Directory.CreateDirectory(output);
        var pipeline = new TrainingPipeline(data, output, error) { OutOfFoldDump = args.Get("--oof") };
        if (args.Get("--l2") is { } l2)
        {
            // Experiments only: the card records what was used.
            pipeline = new TrainingPipeline(data, output, error) { OutOfFoldDump = args.Get("--oof"), Regularization = (float.Parse(l2, System.Globalization.CultureInfo.InvariantCulture), LinearModelTrainer.DefaultL1) };
        }

        var settings = args.Has("--no-words") ? FeatureSettings.Default with { ChineseWords = false } : FeatureSettings.Default;
        var result = pipeline.Run(settings);
        var folder = result.Folder;
        var card = ModelCard.Read(folder);
        File.WriteAllText(Path.Combine(output, CurrentFile), card.Version + "\n");
        error.WriteLine($"wrote {folder}; {Path.Combine(output, CurrentFile)} -> {card.Version}");
        return 0;
    }

    // The runtime reads the switch only at start-up: the same command again, in a child process with it set.
    private static int RunWithReproducibleVectors(TextWriter error)
    {
        error.WriteLine($"this CPU has AVX-512: training again with {TrainingMachine.PinVariable}=0 so that the weights match every other x86 machine's");
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("no process path to run training again");
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        var args = Environment.GetCommandLineArgs();
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(TrainCommand).Assembly.Location);
        }

        foreach (var arg in args.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[TrainingMachine.PinVariable] = "0";
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not run training again");
        child.WaitForExit();
        return child.ExitCode;
    }
}
