using Triage.Domain.Classification;

namespace Triage.Grains.Visits;

/// <summary>
/// A queue as the case journals say it is: the cases booked (or handed back) at a hospital in a
/// specialty and not taken since, and each physician's visits taken and not ended. The queue grain
/// rebuilds itself from this on activation, so the journals stay the one source of truth.
/// </summary>
public interface IVisitQueueSource
{
    /// <summary>The queue of <paramref name="hospital"/> and <paramref name="specialty"/>; handed-back cases first, then by booking time.</summary>
    Task<VisitQueueState> ReadAsync(string hospital, Specialty specialty, CancellationToken cancellationToken = default);
}
