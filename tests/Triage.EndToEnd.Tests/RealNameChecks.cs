using Google.Protobuf.WellKnownTypes;
using Triage.Api.V1;

namespace Triage.EndToEnd.Tests;

/// <summary>Real-name checks as a hospital's face-recognition service would report them.</summary>
public static class RealNameChecks
{
    /// <summary>A face-recognition check of <paramref name="physicianId"/> made at <paramref name="at"/>.</summary>
    public static RealNameCheck For(string physicianId, DateTimeOffset at) => new()
    {
        Method = "face_recognition",
        Verifier = "bch-face-id",
        PhysicianId = physicianId,
        VerifiedAt = Timestamp.FromDateTimeOffset(at),
        Reference = "tx-" + Guid.NewGuid().ToString("N")[..16],
    };
}
