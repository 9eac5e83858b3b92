using BenchmarkDotNet.Attributes;
using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Growth;
using Triage.Models.Classification;

namespace Triage.Benchmarks;

/// <summary>
/// One whole triage decision (normalise and correct spellings, facts, red flags, lexicon, featurize,
/// score every head, policy, explanation) per complaint: with the served model, and with the keyword
/// rules alone.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PolicyBenchmarks
{
    private EligibilityPolicy _policy = null!;
    private OnnxComplaintClassifier? _model;
    private ComplaintInput _input = null!;

    [Params("served_model", "keyword_rules")]
    public string Classifier { get; set; } = string.Empty;

    [Params("short_eczema", "long_fever_history")]
    public string Complaint { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var models = ScoringBenchmarks.FindModels();
        _model = Classifier == "served_model" ? ModelFolder.LoadCurrent(models) : null;
        _policy = new EligibilityPolicy(_model ?? (IComplaintClassifier)new KeywordComplaintClassifier(), PilotOptions.Beijing2026(), TimeProvider.System, GrowthReference.LoadShared(AppContext.BaseDirectory));
        _input = ComplaintInput.Build(Complaint switch
        {
            "short_eczema" => "宝宝8个月，脸上湿疹两周了，不发烧",
            _ => "医生您好，男宝宝两岁11个月，从18号晚上开始发烧，一直持续发烧，最高39.5度，22号去复诊，拍胸片发现中度肺炎，输液四天，第二天就退烧了，" +
                 "到第四天肺炎就差不多好了，大夫让回家休养，晚上就又开始咳嗽发烧，精神不太好，吃饭也少，体重12公斤，身高90cm，请问需要住院吗？",
        });
    }

    [GlobalCleanup]
    public void Cleanup() => _model?.Dispose();

    [Benchmark]
    public TriageDecision Assess() => _policy.Assess(_input);
}
