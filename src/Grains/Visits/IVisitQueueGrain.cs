namespace Triage.Grains.Visits;

/// <summary>
/// The queue of booked online first visits of one hospital and specialty, keyed
/// <c>HOSPITAL/specialty</c> (e.g. <c>BCH/dermatology</c>). Only physicians whitelisted for
/// that hospital and specialty at that moment take from it.
/// </summary>
public interface IVisitQueueGrain : IGrainWithStringKey
{
    /// <summary>Adds a booked case at the back.</summary>
    Task EnqueueAsync(Guid caseId);

    /// <summary>
    /// Gives the oldest waiting case to <paramref name="physicianId"/>, or null when none waits.
    /// Refused when the physician is not whitelisted here now, or already has the most open visits allowed.
    /// </summary>
    Task<Guid?> TakeAsync(string physicianId);

    /// <summary>Frees a physician's slot when a visit is completed or terminated.</summary>
    Task ReleaseAsync(string physicianId, Guid caseId);

    /// <summary>Frees the physician's slot and puts a handed-back case at the front: it has waited already.</summary>
    Task ReturnAsync(string physicianId, Guid caseId);

    /// <summary>The queue as <paramref name="physicianId"/> sees it.</summary>
    Task<VisitQueueView> GetAsync(string physicianId);
}
