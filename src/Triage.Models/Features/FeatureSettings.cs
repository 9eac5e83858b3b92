namespace Triage.Models.Features;

/// <summary>How complaints become feature vectors. Recorded in every model card: a model is only valid with its settings.</summary>
public sealed record FeatureSettings
{
    /// <summary>The hashed space has 2^HashBits dimensions.</summary>
    public int HashBits { get; init; } = 17;

    /// <summary>Longest Chinese character n-gram.</summary>
    public int MaxCharNgram { get; init; } = 3;

    /// <summary>Longest English word n-gram.</summary>
    public int MaxWordNgram { get; init; } = 2;

    /// <summary>Chinese words from the segmenter (jieba's dictionary) beside the character n-grams; false in cards written before they existed.</summary>
    public bool ChineseWords { get; init; }

    /// <summary>Number of dimensions.</summary>
    public int Dimension => 1 << HashBits;

    /// <summary>The settings the shipped models use.</summary>
    public static FeatureSettings Default { get; } = new() { ChineseWords = true };
}
