using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Triage.Api.V1;
using Triage.Grains.Physicians;
using Triage.Silo.Auth;

namespace Triage.Silo.Api;

/// <summary>Registering, suspending and reinstating physicians; the administrator's id is the actor of each change.</summary>
[Authorize(Policy = TriageRoles.Admin)]
public sealed class PhysicianAdminApiService(IGrainFactory grains) : PhysicianAdminService.PhysicianAdminServiceBase
{
    /// <inheritdoc />
    public override async Task<Physician> RegisterPhysician(RegisterPhysicianRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var record = VisitRequestValidator.Validate(request);
        var view = await grains.GetGrain<IPhysicianGrain>(request.PhysicianId).RegisterAsync(record, CallerIdentity.Of(context));
        return PhysicianMapper.ToPhysician(view);
    }

    /// <inheritdoc />
    public override async Task<Physician> GetPhysician(GetPhysicianRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var view = await grains.GetGrain<IPhysicianGrain>(VisitRequestValidator.PhysicianId(request.PhysicianId)).GetAsync();
        return PhysicianMapper.ToPhysician(view ?? throw NotFound());
    }

    /// <inheritdoc />
    public override async Task<Physician> SuspendPhysician(SuspendPhysicianRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grain = await RegisteredAsync(request.PhysicianId);
        RequestValidator.Text("reason", request.Reason, 1, 500);
        return PhysicianMapper.ToPhysician(await grain.SuspendAsync(request.Reason, CallerIdentity.Of(context)));
    }

    /// <inheritdoc />
    public override async Task<Physician> ReinstatePhysician(ReinstatePhysicianRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grain = await RegisteredAsync(request.PhysicianId);
        return PhysicianMapper.ToPhysician(await grain.ReinstateAsync(CallerIdentity.Of(context)));
    }

    private async Task<IPhysicianGrain> RegisteredAsync(string physicianId)
    {
        var grain = grains.GetGrain<IPhysicianGrain>(VisitRequestValidator.PhysicianId(physicianId));
        return await grain.GetStandingAsync() is null ? throw NotFound() : grain;
    }

    private static RpcException NotFound() => new(new Status(StatusCode.NotFound, "physician_id: no such physician"));
}
