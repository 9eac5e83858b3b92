using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Evaluation;
using Triage.Domain.Prescriptions;
using Triage.Grains.Feeds;
using Triage.Grains.Journal;
using Triage.Grains.Physicians;
using Triage.Grains.Storage;
using Triage.Grains.Visits;

namespace Triage.Grains.Cases;

/// <summary>
/// The online first visit of a case: booked, then taken by a whitelisted physician, then in
/// consultation after the physician's real-name check, then completed or terminated and sent
/// offline. Each step is an event in the case's journal; a step out of order is refused.
/// </summary>
public sealed partial class CaseGrain
{
    private const int UnderSixMonths = 72;

    private VisitView _visit = new();

    /// <inheritdoc />
    public async Task<CaseView?> BookAsync(string appId, string hospital)
    {
        RequireReadable();
        if (_opened is null || _opened.AppId != appId)
        {
            return null;
        }

        RequireIntact();
        Require(_visit.Stage == VisitStage.None, "visit: already booked");
        Require(_decision!.Disposition == Disposition.Online, "visit: only a case assessed online can be booked for an online first visit");
        Require(_patient.GuardianPresent == true, "patient.guardian_present: a guardian must be confirmed before an online first visit");
        Require(policy.HospitalOffers(hospital, _decision.Specialty), "hospital: not a pilot hospital offering this specialty online");
        Require(policy.IsPilotActive(policy.Clock.GetUtcNow()), "visit: the pilot is not running today");

        var booked = new VisitBooked(hospital.ToUpperInvariant(), _decision.Specialty);
        await AppendAsync(VisitEventTypes.Booked, appId, booked);
        await GrainFactory.GetGrain<IVisitQueueGrain>(VisitQueueGrain.KeyOf(booked.Hospital, booked.Specialty)).EnqueueAsync(this.GetPrimaryKey());
        return View();
    }

    /// <inheritdoc />
    public async Task<bool> AssignAsync(string physicianId)
    {
        if (_brokenAt is not null || _visit.Stage != VisitStage.Booked)
        {
            return false;
        }

        await AppendAsync(VisitEventTypes.Assigned, physicianId, new VisitAssigned(physicianId));
        return true;
    }

    /// <inheritdoc />
    public Task<CaseView?> GetForAdministratorAsync()
    {
        RequireReadable();
        return Task.FromResult(_opened is null ? null : View());
    }

    /// <inheritdoc />
    public Task<CaseView?> GetForPhysicianAsync(string physicianId) =>
        Task.FromResult(AssignedTo(physicianId) ? View() : null);

    /// <inheritdoc />
    public async Task<CaseView?> GetForActingPhysicianAsync(string physicianId)
    {
        if (!AssignedTo(physicianId))
        {
            return null;
        }

        await RequireWhitelistedAsync(physicianId);
        return View();
    }

    /// <inheritdoc />
    public async Task<CaseView?> ContinueAfterAlertAsync(string physicianId, string reason)
    {
        if (!AssignedTo(physicianId))
        {
            return null;
        }

        RequireIntact();
        Require(_visit.Stage == VisitStage.InConsultation, $"visit: cannot continue from {_visit.Stage}");
        Require(_visit.AlertAwaitsDecision, "visit: no emergency or offline alert awaits a decision");
        Require(!string.IsNullOrWhiteSpace(reason), "reason: continuing online after an alert needs the physician's written reason");
        await RequireWhitelistedAsync(physicianId);
        await AppendAsync(VisitEventTypes.AlertAcknowledged, physicianId, new AlertAcknowledged(physicianId, reason.Trim(), _visit.Alerts.Length));
        return View();
    }

    /// <inheritdoc />
    public async Task<CaseView?> HandBackAsync(string physicianId, string reason)
    {
        if (!AssignedTo(physicianId))
        {
            return null;
        }

        RequireIntact();
        Require(_visit.Stage is VisitStage.Assigned or VisitStage.InConsultation, $"visit: cannot hand back from {_visit.Stage}");
        Require(!string.IsNullOrWhiteSpace(reason), "reason: say why the visit is handed back");
        var booking = _visit.Booking!;
        await AppendAsync(VisitEventTypes.HandedBack, physicianId, new VisitHandedBack(physicianId, reason.Trim()));
        await GrainFactory.GetGrain<IVisitQueueGrain>(VisitQueueGrain.KeyOf(booking.Hospital, booking.Specialty)).ReturnAsync(physicianId, this.GetPrimaryKey());
        return View();
    }

    /// <inheritdoc />
    public async Task<CaseView?> StartConsultationAsync(string physicianId, RealNameCheck realNameCheck)
    {
        if (!AssignedTo(physicianId))
        {
            return null;
        }

        RequireIntact();

        Require(_visit.Stage == VisitStage.Assigned, $"visit: cannot start a consultation from {_visit.Stage}");
        Require(realNameCheck is not null, "real_name_check: the physician's real-name check must be recorded before each consultation");
        var problem = realNameCheck!.Problem(physicianId, policy.Clock.GetUtcNow(), TimeSpan.FromMinutes(policy.Pilot.RealNameCheckMaxAgeMinutes));
        if (problem is not null)
        {
            throw new VisitRuleException(problem);
        }

        var standing = await GrainFactory.GetGrain<IPhysicianGrain>(physicianId).GetStandingAsync();
        Require(standing?.Covers(_visit.Booking!.Hospital, _visit.Booking.Specialty) == true, "physician: not on the whitelist for this hospital and specialty now");
        await AppendAsync(VisitEventTypes.Started, physicianId, new ConsultationStarted(physicianId, realNameCheck.Method, [.. standing!.Specialties], realNameCheck));
        return View();
    }

    /// <inheritdoc />
    public async Task<CaseView?> AddMessageAsync(string actor, VisitMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var fromParent = message.From == VisitMessage.Parent;
        if (_opened is null || (fromParent ? _opened.AppId != actor : !AssignedTo(actor)))
        {
            return null;
        }

        RequireIntact();
        Require(_visit.Stage == VisitStage.InConsultation, "visit: messages belong to a consultation in progress");
        Require(!string.IsNullOrWhiteSpace(message.Text), "text: must not be empty");
        if (!fromParent)
        {
            await RequireWhitelistedAsync(actor);
        }

        await AppendAsync(VisitEventTypes.Message, actor, message);
        if (fromParent)
        {
            // Everything the parent has said so far is re-triaged together: a red flag may only show in context.
            var now = policy.Clock.GetUtcNow();
            var said = _addedText.Concat(_visit.Messages.Where(m => m.From == VisitMessage.Parent).Select(m => m.Text)).ToList();
            var decision = Assess(_opened.Complaint, said, _patient, _subjectAnswer, now);
            await AppendAsync(CaseEventTypes.Assessed, actor, new CaseAssessed(decision));
            var flags = decision.RedFlags.Where(f => f.Affirmed).Select(f => f.Tag).ToList();
            if (flags.Count > 0)
            {
                var emergency = decision.Disposition == Disposition.Emergency;
                var alert = new VisitAlert(flags, decision.Disposition, emergency ? "emergency" : "unsuitable_online");
                await AppendAsync(VisitEventTypes.Alert, "triage_policy", alert);
            }
        }

        return View();
    }

    /// <inheritdoc />
    public async Task<CaseView?> TerminateAsync(VisitTerminated command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!AssignedTo(command.PhysicianId))
        {
            return null;
        }

        RequireIntact();

        Require(_visit.Stage is VisitStage.Assigned or VisitStage.InConsultation, $"visit: cannot terminate from {_visit.Stage}");
        Require(VisitTerminated.Reasons.Contains(command.Reason), $"reason: must be one of {string.Join(", ", VisitTerminated.Reasons)}");
        await RequireWhitelistedAsync(command.PhysicianId);
        await AppendAsync(VisitEventTypes.Terminated, command.PhysicianId, command);
        await ReleaseAsync(command.PhysicianId);
        return View();
    }

    /// <inheritdoc />
    public async Task<CaseView?> CompleteAsync(VisitCompleted command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!AssignedTo(command.PhysicianId))
        {
            return null;
        }

        RequireIntact();

        Require(_visit.Stage == VisitStage.InConsultation, $"visit: cannot complete from {_visit.Stage}");
        Require(!string.IsNullOrWhiteSpace(command.Diagnosis), "diagnosis: the physician's diagnosis is required");
        Require(Enum.IsDefined(command.FinalDisposition), "final_disposition: must be online, emergency, offline, out_of_scope or needs_info");
        Require(Enum.IsDefined(command.FinalSpecialty), "final_specialty: must be growth, nutrition, dermatology or other");
        RequireAlertDecided();
        await RequireWhitelistedAsync(command.PhysicianId);
        await AppendAsync(VisitEventTypes.Completed, command.PhysicianId, command);
        await ReleaseAsync(command.PhysicianId);
        return View();
    }

    /// <inheritdoc />
    public async Task<CaseView?> PrescribeAsync(PrescriptionSigned command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!AssignedTo(command.PhysicianId))
        {
            return null;
        }

        RequireIntact();

        Require(_visit.Stage == VisitStage.InConsultation, $"visit: a prescription belongs to a consultation in progress, not {_visit.Stage}");
        Require(!string.IsNullOrWhiteSpace(command.Signature), "signature: a prescription is the physician's own signed act");
        Require(command.Items.Count > 0, "items: at least one drug");
        for (var i = 0; i < command.Items.Count; i++)
        {
            var item = command.Items[i];
            Require(!string.IsNullOrWhiteSpace(item.Drug), $"items[{i}].drug: must not be empty");
            if (ControlledDrugs.RefusalReason(item.Drug, item.DrugClass) is { } reason)
            {
                throw new VisitRuleException($"items[{i}]: {reason}");
            }
        }

        // Unknown age counts as under 6: the stricter rule is the safe one.
        var underSix = _patient.AgeMonthsOn(BeijingCalendar.DateOf(policy.Clock.GetUtcNow())) is not >= UnderSixMonths;
        Require(!underSix || (command.GuardianPresent && command.PhysicianPresent), "presence: a prescription for a child under 6 needs the guardian and a relevant physician present");
        RequireAlertDecided();
        await RequireWhitelistedAsync(command.PhysicianId);
        await AppendAsync(VisitEventTypes.Prescribed, command.PhysicianId, command);
        return View();
    }

    /// <inheritdoc />
    public async Task<bool> RecordSupportAsync(string physicianId, SupportInvoked invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (!AssignedTo(physicianId))
        {
            return false;
        }

        RequireIntact();
        await RequireWhitelistedAsync(physicianId);
        await AppendAsync(CaseEventTypes.SupportInvoked, "decision_support:" + physicianId, invocation);
        return true;
    }

    // Every act of a physician on a visit needs the whitelist at that moment; handing back does not.
    private async Task RequireWhitelistedAsync(string physicianId)
    {
        var standing = await GrainFactory.GetGrain<IPhysicianGrain>(physicianId).GetStandingAsync();
        Require(
            standing?.Covers(_visit.Booking!.Hospital, _visit.Booking.Specialty) == true,
            "physician: not on the whitelist for this hospital and specialty now; the visit can only be handed back");
    }

    private void RequireAlertDecided() =>
        Require(!_visit.AlertAwaitsDecision, "visit: an emergency or offline alert awaits the physician's decision: terminate and redirect, or continue with a written reason");

    private bool AssignedTo(string physicianId) =>
        _opened is not null && _visit.PhysicianId.Length > 0 && _visit.PhysicianId == physicianId;

    private async Task ReleaseAsync(string physicianId) =>
        await GrainFactory.GetGrain<IVisitQueueGrain>(VisitQueueGrain.KeyOf(_visit.Booking!.Hospital, _visit.Booking.Specialty)).ReleaseAsync(physicianId, this.GetPrimaryKey());

    // The body is serialised once, for the journal, and applied to the state as it is.
    private async Task AppendAsync<T>(string type, string actor, T body)
        where T : notnull
    {
        RequireIntact();
        var appending = journal.AppendNextAsync(this.GetPrimaryKey(), _events[^1], type, policy.Clock.GetUtcNow(), actor, bodies.Serialize(body));
        await StoreAsync(appending);
        var entry = await appending;
        var holder = _visit.PhysicianId;
        Apply(type, body);
        _events.Add(entry);
        Announce(entry, body, holder.Length > 0 ? holder : _visit.PhysicianId);
    }

    // Tells the live watchers, after the journal has it: the physician holding the visit hears
    // everything of it, the booking app its status and the physician's words (not the physician's
    // deliberation over an alert). One-way calls: a watcher never slows or fails the act, and a
    // watcher that missed one re-reads the case.
    private void Announce(JournalEntry entry, object body, string physicianId)
    {
        CaseNoticeKind? announced = entry.Type switch
        {
            VisitEventTypes.Message => CaseNoticeKind.Message,
            VisitEventTypes.Alert => CaseNoticeKind.Alert,
            VisitEventTypes.Booked or VisitEventTypes.Assigned or VisitEventTypes.Started or VisitEventTypes.Terminated
                or VisitEventTypes.Completed or VisitEventTypes.HandedBack or VisitEventTypes.AlertAcknowledged
                or VisitEventTypes.Prescribed => CaseNoticeKind.Status,
            // Re-assessments and decision-support calls are not news to a watcher.
            _ => null,
        };
        if (announced is not { } kind)
        {
            return;
        }

        var message = body as VisitMessage;
        var notice = new CaseNotice(this.GetPrimaryKey(), entry.Sequence, entry.Type, entry.OccurredAt, kind, _visit.Stage, message, body as VisitAlert);
        if (physicianId.Length > 0)
        {
            _ = GrainFactory.GetGrain<ICaseFeedGrain>(CaseFeedGrain.PhysicianKey(physicianId)).PublishAsync(notice);
        }

        var forApp = (kind == CaseNoticeKind.Status && entry.Type != VisitEventTypes.AlertAcknowledged) || message?.From == VisitMessage.Physician;
        if (forApp)
        {
            _ = GrainFactory.GetGrain<ICaseFeedGrain>(CaseFeedGrain.AppKey(_opened!.AppId)).PublishAsync(notice);
        }
    }

    private static void Require(bool condition, string rule)
    {
        if (!condition)
        {
            throw new VisitRuleException(rule);
        }
    }

    private object? ParseVisit(JournalEntry e) => e.Type switch
    {
        VisitEventTypes.Booked => bodies.Deserialize<VisitBooked>(e.Payload),
        VisitEventTypes.Assigned => bodies.Deserialize<VisitAssigned>(e.Payload),
        VisitEventTypes.Message => bodies.Deserialize<VisitMessage>(e.Payload),
        VisitEventTypes.Alert => bodies.Deserialize<VisitAlert>(e.Payload),
        VisitEventTypes.Terminated => bodies.Deserialize<VisitTerminated>(e.Payload),
        VisitEventTypes.Completed => bodies.Deserialize<VisitCompleted>(e.Payload),
        VisitEventTypes.Prescribed => bodies.Deserialize<PrescriptionSigned>(e.Payload),
        VisitEventTypes.AlertAcknowledged => bodies.Deserialize<AlertAcknowledged>(e.Payload),
        VisitEventTypes.HandedBack => bodies.Deserialize<VisitHandedBack>(e.Payload),
        // Started and support events change nothing the grain keeps beyond the stage: their bodies stay in the journal.
        _ => null,
    };

    private void ApplyVisit(string type, object? body)
    {
        _visit = (type, body) switch
        {
            (VisitEventTypes.Booked, VisitBooked booked) => _visit with { Stage = VisitStage.Booked, Booking = booked },
            (VisitEventTypes.Assigned, VisitAssigned assigned) => _visit with { Stage = VisitStage.Assigned, PhysicianId = assigned.PhysicianId },
            (VisitEventTypes.Started, _) => _visit with { Stage = VisitStage.InConsultation },
            (VisitEventTypes.Message, VisitMessage message) => _visit with { Messages = _visit.Messages.Add(message) },
            (VisitEventTypes.Alert, VisitAlert alert) => _visit with { Alerts = _visit.Alerts.Add(alert) },
            (VisitEventTypes.Terminated, VisitTerminated terminated) => _visit with { Stage = VisitStage.Terminated, Termination = terminated },
            (VisitEventTypes.Completed, VisitCompleted completed) => _visit with { Stage = VisitStage.Completed, Completion = completed },
            (VisitEventTypes.Prescribed, PrescriptionSigned prescription) => _visit with { Prescriptions = _visit.Prescriptions.Add(prescription) },
            (VisitEventTypes.AlertAcknowledged, AlertAcknowledged acknowledged) => _visit with { AlertsAcknowledged = acknowledged.AlertsAcknowledged },
            (VisitEventTypes.HandedBack, VisitHandedBack) => _visit with { Stage = VisitStage.Booked, PhysicianId = string.Empty },
            _ => _visit,
        };
    }
}
