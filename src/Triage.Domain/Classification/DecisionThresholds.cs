namespace Triage.Domain.Classification;

/// <summary>
/// The probability cut-offs a classifier's decisions use, tuned per model on out-of-fold
/// predictions and recorded in its model card. The vocabulary's red flags act whatever these say.
/// </summary>
/// <param name="Emergency">The model's emergency probability (the safety net's, where the model has one) at or above this makes the case an emergency; above 1 disables the model's say.</param>
/// <param name="Offline">For a child's pilot-specialty complaint, P(offline) at or above this sends it in person.</param>
/// <param name="Online">A pilot-specialty complaint goes online only when P(online) reaches this; below, the model is unsure and the case goes in person.</param>
/// <param name="RedFlag">A learned red-flag tag whose probability reaches this is raised as a flag the vocabulary missed; above 1 disables it.</param>
/// <param name="Specialty">The most probable pilot specialty is chosen when its probability reaches this, else "other"; 0 keeps the most probable class, "other" included.</param>
public sealed record DecisionThresholds(double Emergency, double Offline, double Online, double RedFlag = 1.01, double Specialty = 0);
