using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Triage.Api.V1;
using Triage.Domain.Decision;
using Triage.Models.Classification;
using Triage.Silo.Auth;
using Triage.Silo.Hosting;

namespace Triage.Silo.Api;

/// <summary>Operating calls: which model decides, and switching to a newly published one.</summary>
[Authorize(Policy = TriageRoles.Admin)]
public sealed class AdminApiService(ModelReloader reloader, EligibilityPolicy policy) : AdminService.AdminServiceBase
{
    /// <inheritdoc />
    public override Task<ModelInfo> ReloadModel(ReloadModelRequest request, ServerCallContext context)
    {
        try
        {
            reloader.Reload();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or InvalidDataException or ModelVocabularyMismatchException)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "models: " + e.Message));
        }

        return GetModel(new GetModelRequest(), context);
    }

    /// <inheritdoc />
    public override Task<ModelInfo> GetModel(GetModelRequest request, ServerCallContext context)
    {
        var classifier = policy.Classifier;
        return Task.FromResult(new ModelInfo
        {
            ModelVersion = classifier.Version,
            PolicyVersion = policy.PolicyVersion,
            EmergencyThreshold = classifier.Thresholds.Emergency,
            OfflineThreshold = classifier.Thresholds.Offline,
            OnlineThreshold = classifier.Thresholds.Online,
        });
    }
}
