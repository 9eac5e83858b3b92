using Triage.Domain.Facts;

namespace Triage.Domain.RedFlags;

/// <summary>A red flag found in (or found but not acted on in) a complaint.</summary>
/// <param name="Tag">The policy's tag.</param>
/// <param name="Evidence">The span of the original text that raised it (empty when the model raised it from the whole text).</param>
/// <param name="Status">Affirmed (acted on), or why not: denied, history, another person.</param>
public sealed record RedFlagFinding(RedFlagTag Tag, TextSpan Evidence, RedFlagStatus Status = RedFlagStatus.Affirmed)
{
    /// <summary>Emergency or offline, by the policy's tag.</summary>
    public RedFlagSeverity Severity => RedFlagTags.Severity(Tag);

    /// <summary>True when the flag describes the patient now and is acted on.</summary>
    public bool Affirmed => Status == RedFlagStatus.Affirmed;

    /// <summary>The vocabulary, a measurement or the model.</summary>
    public RedFlagSource Source { get; init; } = RedFlagSource.Vocabulary;

    /// <summary>The model's probability for a flag it raised; null for the vocabulary's and the measurements'.</summary>
    public double? Probability { get; init; }
}
