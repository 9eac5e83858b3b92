using BenchmarkDotNet.Attributes;
using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Evaluation;
using Triage.Domain.Growth;
using Triage.Models.Classification;

namespace Triage.Benchmarks;

/// <summary>
/// Whole decisions on real complaints in batch: the first <see cref="Count"/> questions of the
/// validation split (read from <c>../shared/data</c>, never copied), one after the other on one
/// thread, with the served model. Times and allocations are per decision.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RealComplaintBenchmarks
{
    /// <summary>Decisions per invocation: the validation split holds 792 questions.</summary>
    public const int Count = 790;

    private EligibilityPolicy _policy = null!;
    private OnnxComplaintClassifier _model = null!;
    private ComplaintInput[] _inputs = [];

    [GlobalSetup]
    public void Setup()
    {
        var records = LabelledData.Read(FindValidation());
        if (records.Count < Count)
        {
            throw new InvalidOperationException($"validation.jsonl: {records.Count} questions, {Count} needed");
        }

        _inputs = [.. records.Take(Count).Select(r => ComplaintInput.Build(r.Text))];
        _model = ModelFolder.LoadCurrent(ScoringBenchmarks.FindModels());
        _policy = new EligibilityPolicy(_model, PilotOptions.Beijing2026(), TimeProvider.System, GrowthReference.LoadShared(AppContext.BaseDirectory));
    }

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();

    [Benchmark(OperationsPerInvoke = Count)]
    public int AssessValidationComplaints()
    {
        var online = 0;
        foreach (var input in _inputs)
        {
            online += _policy.Assess(input).Disposition == Disposition.Online ? 1 : 0;
        }

        return online;
    }

    internal static string FindValidation()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "shared", "data", "validation.jsonl");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException("shared/data/validation.jsonl not found beside the repository");
    }
}
