using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Triage.Api.V1;
using Triage.Domain.Decision;
using Triage.Grains.Cases;
using Triage.Grains.Patients;
using Triage.Silo.Auth;

namespace Triage.Silo.Api;

/// <summary>The triage API: validates, authorises, hands the work to the case grain, maps the reply.</summary>
[Authorize(Policy = TriageRoles.BookingApp)]
public sealed class TriageApiService(IGrainFactory grains, EligibilityPolicy policy, PatientPseudonyms pseudonyms) : TriageService.TriageServiceBase
{
    /// <inheritdoc />
    public override async Task<AssessReply> Assess(AssessRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var patient = RequestValidator.Validate(request, policy.Today);
        var appId = AppId(context);
        var command = new CaseOpened(appId, pseudonyms.For(appId, request.PatientReference), request.Complaint, patient);
        // Time-ordered ids put each new case's journal and ledger rows at the right edge of their indexes,
        // not on a random page that every group commit would read and write again (docs/adr/0012).
        var view = await grains.GetCase(Guid.CreateVersion7()).OpenAsync(command);
        return CaseMapper.ToReply(view);
    }

    /// <inheritdoc />
    public override async Task<AssessReply> AnswerQuestions(AnswerQuestionsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var (caseId, answered) = RequestValidator.Validate(request, policy.Today);
        var view = await grains.GetCase(caseId).AnswerAsync(new AnswerQuestionsCommand(AppId(context), answered));
        return CaseMapper.ToReply(view ?? throw NotFound());
    }

    /// <inheritdoc />
    public override async Task<Case> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var caseId = RequestValidator.CaseId(request.CaseId);
        var view = await grains.GetCase(caseId).GetAsync(AppId(context));
        return CaseMapper.ToCase(view ?? throw NotFound());
    }

    /// <inheritdoc />
    public override async Task<Case> BookVisit(BookVisitRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var caseId = RequestValidator.CaseId(request.CaseId);
        RequestValidator.Text("hospital", request.Hospital, 1, 32);
        var view = await grains.GetCase(caseId).BookAsync(AppId(context), request.Hospital);
        return CaseMapper.ToCase(view ?? throw NotFound());
    }

    /// <inheritdoc />
    public override async Task<Case> SendParentMessage(ParentMessageRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var caseId = RequestValidator.CaseId(request.CaseId);
        var text = VisitRequestValidator.Message(request.Text);
        var appId = AppId(context);
        var view = await grains.GetCase(caseId).AddMessageAsync(appId, new Grains.Visits.VisitMessage(Grains.Visits.VisitMessage.Parent, text));
        return CaseMapper.ToCase(view ?? throw NotFound());
    }

    /// <inheritdoc />
    public override Task WatchCases(WatchCasesRequest request, IServerStreamWriter<CaseNotice> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CaseFeedWatch.RunAsync(grains, Grains.Feeds.CaseFeedGrain.AppKey(AppId(context)), responseStream, context.CancellationToken);
    }

    private static RpcException NotFound() => CallerIdentity.CaseNotFound();

    private static string AppId(ServerCallContext context) => CallerIdentity.Of(context);
}
