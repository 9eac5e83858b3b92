namespace Triage.Domain.Text;

/// <summary>
/// A complaint after normalisation, with a map back to the caller's original text so that
/// every finding can cite the exact span the parent wrote.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[] _originalIndex;

    internal NormalizedText(string original, string value, int[] originalIndex)
    {
        Original = original;
        Value = value;
        _originalIndex = originalIndex;
    }

    /// <summary>The text as the caller sent it.</summary>
    public string Original { get; }

    /// <summary>Half-width, lower-case text used by every matcher.</summary>
    public string Value { get; }

    /// <summary>The index in <see cref="Original"/> of the character at <paramref name="index"/> of <see cref="Value"/>.</summary>
    public int OriginalIndex(int index) => _originalIndex[index];

    /// <summary>Maps a span of <see cref="Value"/> to the corresponding span of <see cref="Original"/>.</summary>
    public (int Start, int Length) ToOriginalSpan(int start, int length)
    {
        if (Value.Length == 0)
        {
            return (0, 0);
        }

        var s = _originalIndex[Math.Clamp(start, 0, Value.Length - 1)];
        var lastNormalized = Math.Clamp(start + length - 1, 0, Value.Length - 1);
        var e = _originalIndex[lastNormalized] + 1;
        while (e < Original.Length && char.IsLowSurrogate(Original[e]))
        {
            e++;
        }

        return (s, Math.Max(0, e - s));
    }
}
