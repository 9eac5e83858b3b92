using Triage.Models.Classification;
using Triage.Models.Features;
using Triage.Training;

namespace Triage.Cli.Commands;

/// <summary>
/// <c>triage train --data ../shared/data --out models</c>: trains a model version into
/// <c>models/VERSION/</c> and points <c>models/current</c> at it.
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
}
