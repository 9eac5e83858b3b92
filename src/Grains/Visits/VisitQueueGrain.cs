using Triage.Domain.Classification;
using Triage.Domain.Evaluation;
using Triage.Grains.Cases;
using Triage.Grains.Physicians;
using Triage.Grains.Storage;

namespace Triage.Grains.Visits;

/// <summary>
/// Spreads work fairly by pull: physicians take the oldest case when they are free, and no one
/// holds more than <see cref="MaxOpenVisitsPerPhysician"/> open visits, so a fast clicker cannot
/// drain the queue while colleagues wait. The whitelist is checked at every take (and again
/// by the case when the consultation starts).
/// </summary>
public sealed class VisitQueueGrain(
    [PersistentState("visit-queue", StorageOptions.ProviderName)] IPersistentState<VisitQueueState> state) : Grain, IVisitQueueGrain
{
    /// <summary>Open visits a physician may hold at once.</summary>
    public const int MaxOpenVisitsPerPhysician = 2;

    /// <summary>The queue key for a hospital and specialty ("BCH/dermatology").</summary>
    public static string KeyOf(string hospital, Specialty specialty) => $"{hospital.ToUpperInvariant()}/{LabelNames.Of(specialty)}";

    /// <inheritdoc />
    public async Task EnqueueAsync(Guid caseId)
    {
        if (!state.State.Waiting.Contains(caseId))
        {
            state.State.Waiting.Add(caseId);
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public async Task<Guid?> TakeAsync(string physicianId)
    {
        var (hospital, specialty) = Split();
        var standing = await GrainFactory.GetGrain<IPhysicianGrain>(physicianId).GetStandingAsync();
        if (standing?.Covers(hospital, specialty) != true)
        {
            throw new VisitRuleException("physician: not on the whitelist for this hospital and specialty now");
        }

        var open = state.State.Open.GetValueOrDefault(physicianId) ?? [];
        if (open.Count >= MaxOpenVisitsPerPhysician)
        {
            throw new VisitRuleException($"physician: already holds {open.Count} open visits; complete or terminate one first");
        }

        if (state.State.Waiting.Count == 0)
        {
            return null;
        }

        var caseId = state.State.Waiting[0];
        await GrainFactory.GetGrain<ICaseGrain>(caseId).AssignAsync(physicianId);
        state.State.Waiting.RemoveAt(0);
        open.Add(caseId);
        state.State.Open[physicianId] = open;
        await state.WriteStateAsync();
        return caseId;
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(string physicianId, Guid caseId)
    {
        if (state.State.Open.TryGetValue(physicianId, out var open) && open.Remove(caseId))
        {
            if (open.Count == 0)
            {
                state.State.Open.Remove(physicianId);
            }

            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public async Task ReturnAsync(string physicianId, Guid caseId)
    {
        if (state.State.Open.TryGetValue(physicianId, out var open) && open.Remove(caseId) && open.Count == 0)
        {
            state.State.Open.Remove(physicianId);
        }

        if (!state.State.Waiting.Contains(caseId))
        {
            state.State.Waiting.Insert(0, caseId);
        }

        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<VisitQueueView> GetAsync(string physicianId) =>
        Task.FromResult(new VisitQueueView(state.State.Waiting.Count, [.. state.State.Open.GetValueOrDefault(physicianId) ?? []]));

    private (string Hospital, Specialty Specialty) Split()
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (key[..slash], LabelNames.ParseSpecialty(key[(slash + 1)..]));
    }
}
