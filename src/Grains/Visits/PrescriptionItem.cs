using Triage.Grains.Journal;

namespace Triage.Grains.Visits;

/// <summary>One drug of a prescription.</summary>
/// <param name="Drug">Generic name.</param>
/// <param name="DrugClass">Regulatory class: <c>ordinary</c>, or a specially controlled one (<c>narcotic</c>, <c>psychotropic</c>, <c>toxic</c>, <c>radioactive</c>).</param>
/// <param name="Dosage">Dose, route and frequency as the physician wrote them.</param>
[GenerateSerializer, Immutable, Alias("triage.PrescriptionItem")]
public sealed record PrescriptionItem([property: Id(0), FreeText] string Drug, [property: Id(1)] string DrugClass, [property: Id(2), FreeText] string Dosage);
