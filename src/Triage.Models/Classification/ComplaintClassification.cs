namespace Triage.Models.Classification;

/// <summary>
/// A classifier's opinion of one complaint: a probability for every disposition and specialty
/// (indexed by the enums' values) and the features that drove it. The policy, not the
/// classifier, makes the decision.
/// </summary>
public sealed record ComplaintClassification
{
    /// <summary>Probability per <see cref="Disposition"/>, indexed by its integer value; sums to 1.</summary>
    public required IReadOnlyList<double> Dispositions { get; init; }

    /// <summary>Probability per <see cref="Specialty"/>, indexed by its integer value; sums to 1.</summary>
    public required IReadOnlyList<double> Specialties { get; init; }

    /// <summary>The strongest contributions, strongest first.</summary>
    public required IReadOnlyList<FeatureContribution> Explanation { get; init; }

    /// <summary>The complaint carries some clinical content (a symptom, a body part, a concern).</summary>
    public bool HasClinicalContent { get; init; } = true;

    /// <summary>The probability of <paramref name="disposition"/>.</summary>
    public double Probability(Disposition disposition) => Dispositions[(int)disposition];

    /// <summary>The probability of <paramref name="specialty"/>.</summary>
    public double Probability(Specialty specialty) => Specialties[(int)specialty];
}
