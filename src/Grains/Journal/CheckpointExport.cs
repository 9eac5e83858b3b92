using System.Text.Json;

namespace Triage.Grains.Journal;

/// <summary>
/// The JSON-lines form of ledger checkpoints, one per line, as the supervision platform receives
/// them: appended to the export file as each is made, and read back for verification.
/// </summary>
public static class CheckpointExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One checkpoint as a line (no newline).</summary>
    public static string ToLine(LedgerCheckpoint checkpoint) => JsonSerializer.Serialize(checkpoint, Json);

    /// <summary>Appends <paramref name="checkpoint"/> to <paramref name="file"/>.</summary>
    public static async Task AppendAsync(string file, LedgerCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await File.AppendAllTextAsync(file, ToLine(checkpoint) + "\n", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The checkpoints in <paramref name="file"/>; none when it does not exist. A line that cannot be read is skipped: verification then relies on the others.</summary>
    public static async Task<IReadOnlyList<LedgerCheckpoint>> ReadAsync(string file, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(file))
        {
            return [];
        }

        var checkpoints = new List<LedgerCheckpoint>();
        foreach (var line in await File.ReadAllLinesAsync(file, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                if (line.Length > 0 && JsonSerializer.Deserialize<LedgerCheckpoint>(line, Json) is { } checkpoint)
                {
                    checkpoints.Add(checkpoint);
                }
            }
            catch (JsonException)
            {
                // A damaged line proves nothing either way.
            }
        }

        return checkpoints;
    }
}
