using Google.Api;
using Google.Protobuf;
using Grpc.Core;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Authorization;
using Triage.Api.V1;
using Triage.Domain.Decision;
using Triage.Domain.Growth;
using Triage.Grains.Cases;
using Triage.Silo.Auth;
using Triage.Silo.Records;

namespace Triage.Silo.Api;

/// <summary>
/// The record export for the hospital: a physician reads the cases they took, an administrator any
/// case. Every export is the journal's view at that moment, mapped to FHIR R4.
/// </summary>
[Authorize(Roles = TriageRoles.Physician + "," + TriageRoles.Admin)]
public sealed class RecordApiService(IGrainFactory grains, GrowthReference growth, EligibilityPolicy policy) : RecordService.RecordServiceBase
{
    private const string FhirJson = "application/fhir+json";

    /// <inheritdoc />
    public override async Task<HttpBody> GetCaseFhir(GetCaseFhirRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var grain = grains.GetCase(RequestValidator.CaseId(request.CaseId));
        var caller = CallerIdentity.Of(context);
        var view = context.GetHttpContext().User.IsInRole(TriageRoles.Admin)
            ? await grain.GetForAdministratorAsync()
            : await grain.GetForPhysicianAsync(caller);
        if (view is null)
        {
            throw CallerIdentity.CaseNotFound();
        }

        var bundle = CaseFhirBundle.Build(view, Support.Brief.CaseBriefBuilder.ZScores(growth, view.Decision.Facts), policy.Clock.GetUtcNow());
        return new HttpBody { ContentType = FhirJson, Data = ByteString.CopyFromUtf8(bundle.ToJson()) };
    }
}
