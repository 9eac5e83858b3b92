using System.Globalization;
using System.Text;
using Triage.Domain.RedFlags;
using Xunit.Abstractions;

namespace Triage.Domain.Tests;

/// <summary>
/// The paraphrase suite (Paraphrases/*.tsv): for every tag, at least 20 ways people say it that
/// must raise it and 5 that must not. A regression suite written beside the vocabulary, so its
/// figures say the vocabulary still does what it was written to do; the figures that measure how
/// it generalises are the cross-source ones of <c>triage train</c>.
/// </summary>
public class RedFlagParaphraseTests(ITestOutputHelper output)
{
    private const int MinPositive = 20;
    private const int MinNegative = 5;

    private static readonly Lazy<IReadOnlyList<(RedFlagTag Tag, bool Raises, string Text, string Where)>> Suite = new(Read);

    [Fact]
    public void Suite_EveryTag_HasEnoughParaphrasesBothWays()
    {
        foreach (var tag in RedFlagTags.All)
        {
            var name = RedFlagTags.Name(tag);
            Assert.True(Suite.Value.Count(p => p.Tag == tag && p.Raises) >= MinPositive, $"{name}: fewer than {MinPositive} paraphrases that must raise it");
            Assert.True(Suite.Value.Count(p => p.Tag == tag && !p.Raises) >= MinNegative, $"{name}: fewer than {MinNegative} that must not");
        }
    }

    [Fact]
    public void Paraphrases_EveryTag_RaisedWhenSaidAndNotWhenDeniedPastOrSomeoneElses()
    {
        var failures = new List<string>();
        var table = new StringBuilder("tag                         recall   must-not-raise held\n");
        foreach (var group in Suite.Value.GroupBy(p => p.Tag).OrderBy(g => g.Key))
        {
            int raised = 0, positives = 0, held = 0, negatives = 0;
            foreach (var (tag, raises, text, where) in group)
            {
                var affirmed = Complaints.Flags(text).Any(f => f.Tag == tag && f.Affirmed);
                if (raises)
                {
                    positives++;
                    raised += affirmed ? 1 : 0;
                }
                else
                {
                    negatives++;
                    held += affirmed ? 0 : 1;
                }

                if (affirmed != raises)
                {
                    failures.Add($"{where}: {RedFlagTags.Name(tag)} {(raises ? "missed" : "raised")}: {text}");
                }
            }

            table.AppendLine(CultureInfo.InvariantCulture, $"{RedFlagTags.Name(group.Key),-27} {raised,3}/{positives,-3} {(double)raised / positives,5:F2}   {held,3}/{negatives}");
        }

        output.WriteLine(table.ToString());
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static List<(RedFlagTag, bool, string, string)> Read()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Paraphrases");
        var suite = new List<(RedFlagTag, bool, string, string)>();
        foreach (var path in Directory.GetFiles(folder, "*.tsv").Order(StringComparer.Ordinal))
        {
            var number = 0;
            foreach (var line in File.ReadLines(path))
            {
                number++;
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                var parts = line.Split('\t');
                if (parts.Length != 3 || parts[1] is not ("+" or "-"))
                {
                    throw new InvalidDataException($"{Path.GetFileName(path)}:{number}: want tag, + or -, text");
                }

                suite.Add((RedFlagTags.Parse(parts[0]), parts[1] == "+", parts[2], $"{Path.GetFileName(path)}:{number}"));
            }
        }

        return suite;
    }
}
