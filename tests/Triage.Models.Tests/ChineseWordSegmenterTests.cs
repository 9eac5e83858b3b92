using System.Reflection;
using JiebaNet.Segmenter;
using Triage.Domain.Evaluation;
using Triage.Models.Features;

namespace Triage.Models.Tests;

public class ChineseWordSegmenterTests
{
    private static readonly Lazy<JiebaSegmenter> Jieba = new(() =>
    {
        ConfigManager.ConfigFileBaseDir = typeof(ChineseWordSegmenterTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "JiebaResources").Value!;
        return new JiebaSegmenter();
    });

    private static List<string> Ours(string run)
    {
        var words = new List<string>();
        ChineseWordSegmenter.Default.Segment(run, (start, length) => words.Add(run.Substring(start, length)));
        return words;
    }

    [Fact]
    public void Segment_EveryChineseRunOfEveryLabelledRecord_EqualsJiebaWithoutHmm()
    {
        var folder = LabelledData.FindSharedDataFolder(AppContext.BaseDirectory)!;
        var runs = new[] { "train.jsonl", "validation.jsonl", "augment.jsonl" }
            .SelectMany(f => LabelledData.Read(Path.Combine(folder, f)))
            .SelectMany(r => System.Text.RegularExpressions.Regex.Matches(r.Text, @"[\u4e00-\u9fff\u3400-\u4dbf]+").Select(m => m.Value))
            .Distinct()
            .ToList();
        var differ = runs.Where(run => !Ours(run).SequenceEqual(Jieba.Value.Cut(run, hmm: false))).Take(5).ToList();
        Assert.True(differ.Count == 0, "differs from jieba on: " + string.Join(" | ", differ.Select(r => $"{r}: ours {string.Join('/', Ours(r))}, jieba {string.Join('/', Jieba.Value.Cut(r, hmm: false))}")));
        Assert.True(runs.Count > 10_000, $"only {runs.Count} runs compared");
    }

    [Fact]
    public void Segment_ComplaintWords_AreDictionaryWords()
    {
        Assert.Equal(["宝宝", "呼吸困难"], Ours("宝宝呼吸困难"));
    }
}
