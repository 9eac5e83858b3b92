using System.Security.Claims;
using Grpc.Core;

namespace Triage.Silo.Api;

/// <summary>The authenticated caller's id: a booking app's, an administrator's or a physician's.</summary>
internal static class CallerIdentity
{
    public static string Of(ServerCallContext context) =>
        context.GetHttpContext().User.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "missing caller identity"));

    // A case that is not the caller's is reported as missing, so case ids cannot be probed.
    public static RpcException CaseNotFound() => new(new Status(StatusCode.NotFound, "case_id: no such case"));
}
