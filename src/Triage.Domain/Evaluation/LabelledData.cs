using System.Text.Json;

namespace Triage.Domain.Evaluation;

/// <summary>Reads labelled <c>.jsonl</c> files in the policy's schema.</summary>
public static class LabelledData
{
    /// <summary>Reads every record of <paramref name="path"/>; blank lines are skipped.</summary>
    public static IReadOnlyList<LabelledRecord> Read(string path)
    {
        var records = new List<LabelledRecord>();
        foreach (var line in File.ReadLines(path))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                records.Add(JsonSerializer.Deserialize<LabelledRecord>(line) ?? throw new InvalidDataException("empty record"));
            }
        }

        return records;
    }

    /// <summary>Looks for the shared data folder from <paramref name="start"/> upwards (<c>../shared/data</c> from the project root).</summary>
    public static string? FindSharedDataFolder(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (File.Exists(Path.Combine(candidate, "validation.jsonl")))
            {
                return candidate;
            }
        }

        return null;
    }
}
