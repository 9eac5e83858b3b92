using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Triage.Domain.Decision;
using Triage.Domain.Evaluation;
using Triage.Domain.Growth;
using Triage.Grains.Cases;
using Triage.Grains.Journal;
using Triage.Models.Classification;

namespace Triage.Benchmarks;

/// <summary>
/// The two event bodies a new case writes to its journal (its opening and its decision), serialised
/// as the case grain does: JSON with the free text sealed (AES-256-GCM). Decisions of the first
/// <see cref="Count"/> validation questions; times and allocations are per case (both bodies).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class JournalBodyBenchmarks
{
    /// <summary>Cases per invocation.</summary>
    public const int Count = 200;

    private readonly SealedEventBodies _bodies = new(new JournalKeyRing(
        new Dictionary<string, byte[]> { ["k1"] = RandomNumberGenerator.GetBytes(32) }, "k1"));

    private (CaseOpened Opened, CaseAssessed Assessed)[] _cases = [];

    [GlobalSetup]
    public void Setup()
    {
        var records = LabelledData.Read(RealComplaintBenchmarks.FindValidation()).Take(Count).ToList();
        using var model = ModelFolder.LoadCurrent(ScoringBenchmarks.FindModels());
        var policy = new EligibilityPolicy(model, PilotOptions.Beijing2026(), TimeProvider.System, GrowthReference.LoadShared(AppContext.BaseDirectory));
        _cases = [.. records.Select(r => (
            new CaseOpened("demo-booking-app", string.Empty, r.Text, new PatientDetails()),
            new CaseAssessed(DecisionRecord.From(policy.Assess(ComplaintInput.Build(r.Text))))))];
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int SerializeNewCaseBodies()
    {
        var length = 0;
        foreach (var (opened, assessed) in _cases)
        {
            length += _bodies.Serialize(opened).Length + _bodies.Serialize(assessed).Length;
        }

        return length;
    }
}
