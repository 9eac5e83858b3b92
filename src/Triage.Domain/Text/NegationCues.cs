using Triage.Domain.Vocabulary;

namespace Triage.Domain.Text;

/// <summary>One language's negation cues, from the vocabulary.</summary>
/// <param name="Cues">Words that deny what follows ("没有", "不", "no", "without").</param>
/// <param name="LookAlikes">Phrases that hold a cue but do not deny ("不停", "特别", "won't stop").</param>
/// <param name="Breaks">Words that end a cue's reach ("但", "but").</param>
/// <param name="Window">How many characters before a finding a cue may stand.</param>
public sealed record NegationCues(PhraseList Cues, PhraseList LookAlikes, PhraseList Breaks, int Window);
