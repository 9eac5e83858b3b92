using Triage.Domain.Vocabulary;

namespace Triage.Domain.RedFlags;

/// <summary>
/// One compiled rule of the vocabulary: a tag, where its words come from, and what else must hold.
/// Its words (terms, diagnoses, pairs, masks) live in the matcher's one shared index.
/// </summary>
/// <param name="Tag">The tag it raises.</param>
/// <param name="Source">Where its words come from (a guideline, a protocol, the policy).</param>
/// <param name="When">Conditions on the facts, all required.</param>
/// <param name="WithAny">One of these must occur somewhere in the complaint (empty: no requirement).</param>
/// <param name="UnlessAny">None of these may occur anywhere in the complaint.</param>
/// <param name="Pairs">Each pair's reach (characters between its two parts) and whether either part may come first.</param>
/// <param name="KeepDrugNames">Matches next to a drug word still count (swallowing medicine is the danger itself).</param>
public sealed record RedFlagRule(
    RedFlagTag Tag,
    string Source,
    IReadOnlyList<FactCondition> When,
    PhraseList WithAny,
    PhraseList UnlessAny,
    IReadOnlyList<(int Within, bool AnyOrder)> Pairs,
    bool KeepDrugNames = false);
