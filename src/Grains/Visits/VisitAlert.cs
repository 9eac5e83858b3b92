using Triage.Domain.Classification;
using Triage.Domain.RedFlags;

namespace Triage.Grains.Visits;

/// <summary>Body of <see cref="VisitEventTypes.Alert"/>: what the re-triage of a parent's message found.</summary>
/// <param name="RedFlags">The affirmed red-flag tags.</param>
/// <param name="Disposition">The re-triage's disposition.</param>
/// <param name="SuggestedTermination">The termination reason suggested to the physician (<c>emergency</c> or <c>unsuitable_online</c>).</param>
[GenerateSerializer, Immutable, Alias("triage.VisitAlert")]
public sealed record VisitAlert(
    [property: Id(0)] IReadOnlyList<RedFlagTag> RedFlags,
    [property: Id(1)] Disposition Disposition,
    [property: Id(2)] string SuggestedTermination);
