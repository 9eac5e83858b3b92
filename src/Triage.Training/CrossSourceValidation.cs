using Triage.Models.Onnx;

namespace Triage.Training;

/// <summary>
/// Leave-one-source-out cross-validation: for each corpus the real questions come from, every head
/// is trained on all other sources' real records and the written augment set, then scores the
/// held-out source. A source's writers, platform and habits are then truly unseen, as a new hospital
/// app's will be; random folds of one corpus flatter a model that has learnt the corpus.
/// </summary>
public static class CrossSourceValidation
{
    /// <summary>Logit given to a class a fold's model never saw (e^-30: no chance at all).</summary>
    private const double Unseen = -30;

    /// <summary>Runs the folds; <paramref name="train"/> trains one head on rows and returns it.</summary>
    public static OutOfFold Run(
        IReadOnlyList<TrainingRecord> real,
        IReadOnlyList<TrainingRecord> augment,
        Func<string, IEnumerable<TrainingRecord>, LinearHead> train,
        TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(augment);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(progress);
        var labels = ModelHeads.Names.ToDictionary(
            h => h,
            h => (IReadOnlyList<string>)[.. real.Concat(augment).SelectMany(r => ModelHeads.Rows(h, r)).Select(r => r.Label).Distinct().Order(StringComparer.Ordinal)]);
        var logits = real.ToDictionary(r => r, _ => new double[ModelHeads.Names.Count][]);
        var sources = real.Select(r => r.Source).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var source in sources)
        {
            var held = real.Where(r => r.Source == source).ToList();
            var fit = real.Where(r => r.Source != source).Concat(augment).ToList();
            for (var h = 0; h < ModelHeads.Names.Count; h++)
            {
                var name = ModelHeads.Names[h];
                progress.WriteLine($"leave out {source}: training {name} on {fit.Count} records");
                var head = train(name, fit);
                var columns = labels[name].Select(l => head.Labels.ToList().IndexOf(l)).ToArray();
                foreach (var r in held)
                {
                    var z = LinearSoftmaxModel.Logits(head, r.Features);
                    logits[r][h] = [.. columns.Select(c => c >= 0 ? z[c] : Unseen)];
                }
            }
        }

        return new OutOfFold(labels, logits);
    }
}
