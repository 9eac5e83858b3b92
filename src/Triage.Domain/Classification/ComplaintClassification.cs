using Triage.Domain.RedFlags;

namespace Triage.Domain.Classification;

/// <summary>
/// A classifier's opinion of one complaint: a probability for every disposition and specialty
/// (indexed by the enums' values), for every red-flag tag where the classifier has learned them,
/// and the features that push each disposition. The policy, not the classifier, makes the decision.
/// </summary>
public sealed record ComplaintClassification
{
    /// <summary>Probability per <see cref="Disposition"/>, indexed by its integer value; sums to 1.</summary>
    public required IReadOnlyList<double> Dispositions { get; init; }

    /// <summary>Probability per <see cref="Specialty"/>, indexed by its integer value; sums to 1.</summary>
    public required IReadOnlyList<double> Specialties { get; init; }

    /// <summary>Probability per <see cref="RedFlagTag"/> (indexed by its value) that the complaint shows that flag; empty when the classifier has not learned flags.</summary>
    public IReadOnlyList<double> RedFlags { get; init; } = [];

    /// <summary>
    /// The safety net's probability that a complaint in which the vocabulary found no emergency sign
    /// is an emergency all the same; null when the model has no such head (the disposition's P(emergency) serves).
    /// </summary>
    public double? EmergencyRisk { get; init; }

    /// <summary>
    /// What the policy compares with the emergency threshold: the safety net's risk times the
    /// chance the complaint is not a routine online visit (a bag of words cannot tell "吃奶睡觉都好"
    /// from a sick infant's feeding; the disposition head, which sees the whole complaint, can);
    /// without a safety net, P(emergency).
    /// </summary>
    public double EmergencyScore => EmergencyRisk is { } risk ? risk * (1 - Probability(Disposition.Online)) : Probability(Disposition.Emergency);

    /// <summary>The complaint carries some clinical content (a symptom, a body part, a concern).</summary>
    public bool HasClinicalContent { get; init; } = true;

    /// <summary>Names the features that push towards a disposition, strongest first (computed only when asked).</summary>
    public Func<Disposition, IReadOnlyList<FeatureContribution>>? Explainer { get; init; }

    /// <summary>The probability of <paramref name="disposition"/>.</summary>
    public double Probability(Disposition disposition) => Dispositions[(int)disposition];

    /// <summary>The probability of <paramref name="specialty"/>.</summary>
    public double Probability(Specialty specialty) => Specialties[(int)specialty];

    /// <summary>The probability that the complaint shows <paramref name="tag"/>; 0 when flags are not learned.</summary>
    public double Probability(RedFlagTag tag) => RedFlags.Count == 0 ? 0 : RedFlags[(int)tag];

    /// <summary>The features that push towards <paramref name="disposition"/>, strongest first; never another class's.</summary>
    public IReadOnlyList<FeatureContribution> Explain(Disposition disposition) => Explainer?.Invoke(disposition) ?? [];
}
