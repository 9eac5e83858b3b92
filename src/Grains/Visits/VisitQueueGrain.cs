using Triage.Domain.Classification;
using Triage.Domain.Evaluation;
using Triage.Grains.Cases;
using Triage.Grains.Physicians;

namespace Triage.Grains.Visits;

/// <summary>
/// Spreads work fairly by pull: physicians take the oldest case when they are free, and no one
/// holds more than <see cref="MaxOpenVisitsPerPhysician"/> open visits, so a fast clicker cannot
/// drain the queue while colleagues wait. The whitelist is checked at every take (and again
/// by the case when the consultation starts). The queue stores nothing of its own: it is rebuilt
/// from the case journals on activation and changed in memory only after a case recorded the
/// change, so a crash between the two loses nothing and serves nothing twice.
/// </summary>
public sealed class VisitQueueGrain(IVisitQueueSource source) : Grain, IVisitQueueGrain
{
    private VisitQueueState _state = new();
    private IDisposable? _watch;
    /// <summary>Open visits a physician may hold at once.</summary>
    public const int MaxOpenVisitsPerPhysician = 2;

    /// <summary>The queue key for a hospital and specialty ("BCH/dermatology").</summary>
    public static string KeyOf(string hospital, Specialty specialty) => $"{hospital.ToUpperInvariant()}/{LabelNames.Of(specialty)}";

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (hospital, specialty) = Split();
        _state = await source.ReadAsync(hospital, specialty, cancellationToken);
        _watch = Telemetry.TriageMetrics.WatchQueue(hospital, LabelNames.Of(specialty), () => _state.Waiting.Count);
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _watch?.Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task EnqueueAsync(Guid caseId)
    {
        if (!_state.Waiting.Contains(caseId))
        {
            _state.Waiting.Add(caseId);
        }

        return Task.CompletedTask;
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

        var open = _state.Open.GetValueOrDefault(physicianId) ?? [];
        if (open.Count >= MaxOpenVisitsPerPhysician)
        {
            throw new VisitRuleException($"physician: already holds {open.Count} open visits; complete or terminate one first");
        }

        while (_state.Waiting.Count > 0)
        {
            var caseId = _state.Waiting[0];
            _state.Waiting.RemoveAt(0);
            // The case decides: it records the assignment, or says it no longer waits (taken or ended by a
            // path this queue did not see), in which case it is simply not served from here again.
            bool assigned;
            try
            {
                assigned = await GrainFactory.GetCase(caseId).AssignAsync(physicianId);
            }
            catch
            {
                _state.Waiting.Insert(0, caseId); // not recorded: it still waits first
                throw;
            }

            if (assigned)
            {
                open.Add(caseId);
                _state.Open[physicianId] = open;
                return caseId;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public Task ReleaseAsync(string physicianId, Guid caseId)
    {
        Close(physicianId, caseId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ReturnAsync(string physicianId, Guid caseId)
    {
        Close(physicianId, caseId);
        if (!_state.Waiting.Contains(caseId))
        {
            _state.Waiting.Insert(0, caseId);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<VisitQueueView> GetAsync(string physicianId) =>
        Task.FromResult(new VisitQueueView(_state.Waiting.Count, [.. _state.Open.GetValueOrDefault(physicianId) ?? []]));

    private void Close(string physicianId, Guid caseId)
    {
        if (_state.Open.TryGetValue(physicianId, out var open) && open.Remove(caseId) && open.Count == 0)
        {
            _state.Open.Remove(physicianId);
        }
    }

    private (string Hospital, Specialty Specialty) Split()
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (key[..slash], LabelNames.ParseSpecialty(key[(slash + 1)..]));
    }
}
