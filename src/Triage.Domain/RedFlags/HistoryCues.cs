using Triage.Domain.Vocabulary;

namespace Triage.Domain.RedFlags;

/// <summary>The vocabulary's words for telling a past episode or an established diagnosis from what happens now.</summary>
/// <param name="Before">A cue earlier in the clause puts what follows in the past ("以前", "last year").</param>
/// <param name="Recent">Just before a history cue, makes it recent: this illness ("两天之前", "半月之前").</param>
/// <param name="After">A cue later in the clause ("有高热惊厥史", "a seizure last year").</param>
/// <param name="Now">Words of a new or continuing episode, ending a history cue's reach ("今天又", "开始", "still").</param>
/// <param name="Suspected">Before a named diagnosis in its clause: suspected as new, so it counts ("像癫痫", "could this be").</param>
/// <param name="Episode">In a named diagnosis's sentence: an episode is told, so it counts ("发作", "今天", "had a fit").</param>
/// <param name="Established">Words that make a named diagnosis an established condition ("确诊", "一直吃药").</param>
/// <param name="Relapse">In a named diagnosis's sentence: a relapse or a worsening now, so it counts even when established ("又复发了", "越来越严重").</param>
public sealed record HistoryCues(PhraseList Before, PhraseList Recent, PhraseList After, PhraseList Now, PhraseList Suspected, PhraseList Episode, PhraseList Established, PhraseList Relapse);
