using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Triage.Api.V1;
using Triage.Grains.Cases;
using Triage.Grains.Physicians;
using Triage.Grains.Visits;
using Triage.Silo.Auth;
using Triage.Support.Filters;
using Triage.Support.Summary;

namespace Triage.Silo.Api;

/// <summary>
/// The physician's calls. The caller's key id is the physician id, so a physician can only take
/// from queues they are whitelisted for and only act on cases they took (others read as missing).
/// </summary>
[Authorize(Policy = TriageRoles.Physician)]
public sealed class PhysicianApiService(IGrainFactory grains, DecisionSupport support, Triage.Domain.Decision.EligibilityPolicy policy) : PhysicianService.PhysicianServiceBase
{
    /// <inheritdoc />
    public override async Task<Workspace> GetWorkspace(GetWorkspaceRequest request, ServerCallContext context)
    {
        var physician = CallerIdentity.Of(context);
        var workspace = new Workspace { PhysicianId = physician };
        if (await grains.GetGrain<IPhysicianGrain>(physician).GetStandingAsync() is not { } standing)
        {
            workspace.Failures.Add("registration: not registered as a physician of a pilot hospital");
            return workspace;
        }

        workspace.Hospital = standing.Hospital;
        workspace.Whitelisted = standing.Whitelisted;
        workspace.Failures.AddRange(standing.Failures);
        foreach (var specialty in standing.Specialties.Where(s => policy.HospitalOffers(standing.Hospital, s)))
        {
            var view = await grains.GetGrain<IVisitQueueGrain>(VisitQueueGrain.KeyOf(standing.Hospital, specialty)).GetAsync(physician);
            var queue = new WorkspaceQueue { Hospital = standing.Hospital.ToUpperInvariant(), Specialty = ApiVocabulary.ToApi(specialty), Waiting = view.Waiting };
            queue.OpenCaseIds.AddRange(view.OpenVisits.Select(id => id.ToString()));
            workspace.Queues.Add(queue);
        }

        return workspace;
    }

    /// <inheritdoc />
    public override async Task<Queue> GetQueue(GetQueueRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (hospital, specialty) = PilotQueue(request.Hospital, request.Specialty);
        var view = await grains.GetGrain<IVisitQueueGrain>(VisitQueueGrain.KeyOf(hospital, specialty)).GetAsync(CallerIdentity.Of(context));
        var queue = new Queue { Waiting = view.Waiting };
        queue.OpenCaseIds.AddRange(view.OpenVisits.Select(id => id.ToString()));
        return queue;
    }

    /// <inheritdoc />
    public override async Task<TakeCaseReply> TakeCase(TakeCaseRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (hospital, specialty) = PilotQueue(request.Hospital, request.Specialty);
        var physician = CallerIdentity.Of(context);
        var taken = await grains.GetGrain<IVisitQueueGrain>(VisitQueueGrain.KeyOf(hospital, specialty)).TakeAsync(physician);
        if (taken is not { } caseId)
        {
            return new TakeCaseReply { Taken = false };
        }

        var view = await grains.GetCase(caseId).GetForPhysicianAsync(physician);
        return new TakeCaseReply { Taken = true, Case = CaseMapper.ToCase(view ?? throw CallerIdentity.CaseNotFound()) };
    }

    /// <inheritdoc />
    public override async Task<Case> GetVisitCase(GetVisitCaseRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Map(await Grain(request.CaseId).GetForPhysicianAsync(CallerIdentity.Of(context)));
    }

    /// <inheritdoc />
    public override async Task<Brief> GetBrief(GetBriefRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var physician = CallerIdentity.Of(context);
        var grain = Grain(request.CaseId);
        var view = await grain.GetForActingPhysicianAsync(physician) ?? throw CallerIdentity.CaseNotFound();
        var brief = await support.BriefAsync(view, new CaseAuditTrail(grain, physician), context.CancellationToken);
        return PhysicianMapper.ToBrief(brief);
    }

    /// <inheritdoc />
    public override async Task<Case> StartConsultation(StartConsultationRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grain = Grain(request.CaseId);
        var check = VisitRequestValidator.Validate(request.RealNameCheck);
        return Map(await grain.StartConsultationAsync(CallerIdentity.Of(context), check));
    }

    /// <inheritdoc />
    public override async Task<Case> SendMessage(PhysicianMessageRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grain = Grain(request.CaseId);
        var text = VisitRequestValidator.Message(request.Text);
        var physician = CallerIdentity.Of(context);
        return Map(await grain.AddMessageAsync(physician, new Grains.Visits.VisitMessage(Grains.Visits.VisitMessage.Physician, text)));
    }

    /// <inheritdoc />
    public override async Task<Case> TerminateVisit(TerminateVisitRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grain = Grain(request.CaseId);
        return Map(await grain.TerminateAsync(VisitRequestValidator.Validate(request, CallerIdentity.Of(context))));
    }

    /// <inheritdoc />
    public override async Task<Case> ContinueAfterAlert(ContinueAfterAlertRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grain = Grain(request.CaseId);
        return Map(await grain.ContinueAfterAlertAsync(CallerIdentity.Of(context), VisitRequestValidator.Reason(request.Reason)));
    }

    /// <inheritdoc />
    public override async Task<Case> HandBackVisit(HandBackVisitRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grain = Grain(request.CaseId);
        return Map(await grain.HandBackAsync(CallerIdentity.Of(context), VisitRequestValidator.Reason(request.Reason)));
    }

    /// <inheritdoc />
    public override async Task<Case> CompleteVisit(CompleteVisitRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grain = Grain(request.CaseId);
        return Map(await grain.CompleteAsync(VisitRequestValidator.Validate(request, CallerIdentity.Of(context))));
    }

    /// <inheritdoc />
    public override async Task<Case> Prescribe(PrescribeRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var caseId = RequestValidator.CaseId(request.CaseId);
        var prescription = VisitRequestValidator.Validate(request, CallerIdentity.Of(context));
        // The physician's own act: signed under the credential that made this call, over exactly what was sent.
        var credential = context.GetHttpContext().Request.Headers[ApiKeyAuthenticationHandler.HeaderName].ToString();
        var canonical = PrescriptionSignature.Canonical(caseId, request.Items.Select(i => (i.Drug, i.DrugClass, i.Dosage)), request.GuardianPresent, request.PhysicianPresent);
        if (!PrescriptionSignature.Verify(credential, canonical, request.Signature))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "signature: not the physician's signature over this prescription (HMAC-SHA256 of its canonical form under the physician's key)"));
        }

        return Map(await grains.GetCase(caseId).PrescribeAsync(prescription));
    }

    /// <inheritdoc />
    public override async Task WatchVisits(WatchVisitsRequest request, IServerStreamWriter<CaseNotice> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var physician = CallerIdentity.Of(context);
        var standing = await grains.GetGrain<IPhysicianGrain>(physician).GetStandingAsync();
        if (standing is not { Whitelisted: true })
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "physician: not on the whitelist now"));
        }

        await CaseFeedWatch.RunAsync(grains, Grains.Feeds.CaseFeedGrain.PhysicianKey(physician), responseStream, context.CancellationToken);
    }

    // Only the pilot's own queues exist: a hospital string the settings do not name never becomes a grain.
    private (string Hospital, Domain.Classification.Specialty Specialty) PilotQueue(string hospital, Specialty specialty)
    {
        var queue = VisitRequestValidator.Queue(hospital, specialty);
        return policy.HospitalOffers(queue.Hospital, queue.Specialty)
            ? queue
            : throw new RpcException(new Status(StatusCode.InvalidArgument, "hospital: not a pilot hospital offering this specialty online"));
    }

    private ICaseGrain Grain(string caseId) => grains.GetCase(RequestValidator.CaseId(caseId));

    private static Case Map(CaseView? view) => CaseMapper.ToCase(view ?? throw CallerIdentity.CaseNotFound());
}
