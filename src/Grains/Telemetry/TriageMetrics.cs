using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Triage.Grains.Telemetry;

/// <summary>
/// The service's own instruments (meter <c>Triage</c>), exported by OpenTelemetry. Their tags are
/// coded values only (a disposition, a model version, a hospital code, a specialty); never a case,
/// patient, physician or any text.
/// </summary>
public static class TriageMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Triage";

    private static readonly Meter Meter = new(MeterName, "1.0");
    private static readonly ConcurrentDictionary<string, Func<int>> Queues = new(StringComparer.Ordinal);

    private static readonly Counter<long> DecisionCount = Meter.CreateCounter<long>(
        "triage.decisions", "{decision}", "Triage decisions made, by disposition and model version");

    private static readonly Histogram<double> DecisionDuration = Meter.CreateHistogram<double>(
        "triage.decision.duration", "s", "Time to make one triage decision in process",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.00005, 0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.05] });

    private static readonly Histogram<int> JournalBatch = Meter.CreateHistogram<int>(
        "triage.journal.batch.size", "{append}", "Journal appends committed together in one transaction",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });

    private static readonly ObservableGauge<int> QueueLength = Meter.CreateObservableGauge(
        "triage.visit_queue.length", ObserveQueues, "{case}", "Cases waiting for a physician, by hospital and specialty (queues active on this silo)");

    /// <summary>Counts a decision and the time it took.</summary>
    public static void Decided(string disposition, string modelVersion, TimeSpan took)
    {
        // A struct tag list: nothing allocated per decision on the triage path.
        var tags = new TagList { { "disposition", disposition }, { "model_version", modelVersion } };
        DecisionCount.Add(1, tags);
        DecisionDuration.Record(took.TotalSeconds, tags);
    }

    /// <summary>Records the size of a committed journal batch.</summary>
    public static void BatchCommitted(int appends) => JournalBatch.Record(appends);

    /// <summary>Reports a visit queue's length while it is active here; the returned handle stops it.</summary>
    public static IDisposable WatchQueue(string hospital, string specialty, Func<int> waiting)
    {
        var key = hospital + "/" + specialty;
        Queues[key] = waiting;
        return new Unwatch(key);
    }

    private static IEnumerable<Measurement<int>> ObserveQueues()
    {
        foreach (var (key, waiting) in Queues)
        {
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            yield return new Measurement<int>(waiting(), new("hospital", key[..slash]), new("specialty", key[(slash + 1)..]));
        }
    }

    private sealed class Unwatch(string key) : IDisposable
    {
        public void Dispose() => Queues.TryRemove(key, out _);
    }
}
