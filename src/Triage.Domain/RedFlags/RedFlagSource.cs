namespace Triage.Domain.RedFlags;

/// <summary>What raised a red flag.</summary>
public enum RedFlagSource
{
    /// <summary>The reviewed vocabulary's words, with the span that matched.</summary>
    Vocabulary = 0,

    /// <summary>A number read against a reference (a weight far below the WHO curve, a bilirubin).</summary>
    Measurement = 1,

    /// <summary>The trained model, recognising the danger in words the vocabulary does not hold; with its probability.</summary>
    Model = 2,
}
