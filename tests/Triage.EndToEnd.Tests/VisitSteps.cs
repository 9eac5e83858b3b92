using Triage.Api.V1;

namespace Triage.EndToEnd.Tests;

/// <summary>The steps of an online first visit as the booking app and the physicians take them, for tests that need a visit under way.</summary>
public static class VisitSteps
{
    /// <summary>An infant's eczema: decided online, dermatology.</summary>
    public const string Eczema = "宝宝8个月，脸上湿疹两周了，不发烧，吃奶睡觉都好";

    /// <summary>Registers doc-1 and doc-2, whitelisted at BCH for dermatology and growth.</summary>
    public static async Task RegisterDoctorsAsync(TriageServiceHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        await host.PhysicianAdmin().RegisterPhysicianAsync(PhysicianApiTests.Registration(host.Clock, "doc-1"));
        await host.PhysicianAdmin().RegisterPhysicianAsync(PhysicianApiTests.Registration(host.Clock, "doc-2"));
    }

    /// <summary>Assesses <paramref name="complaint"/> (which must be decided online) and books it at BCH; the case id.</summary>
    public static async Task<string> BookedCaseAsync(TriageServiceHost host, string complaint = Eczema, Patient? patient = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        var reply = await host.Grpc().AssessAsync(new AssessRequest { Complaint = complaint, GuardianPresent = true, Patient = patient ?? new Patient { AgeMonths = 8 } });
        Assert.Equal(Disposition.Online, reply.Decision.Disposition);
        await host.Grpc().BookVisitAsync(new BookVisitRequest { CaseId = reply.CaseId, Hospital = "BCH" });
        return reply.CaseId;
    }

    /// <summary>Takes from the queue until <paramref name="caseId"/> comes out; any older case is terminated so the queue drains.</summary>
    public static async Task TakeAsync(TriageServiceHost host, string caseId, Specialty specialty = Specialty.Dermatology, string key = TriageServiceHost.KeyDoctor1)
    {
        ArgumentNullException.ThrowIfNull(host);
        var doctor = host.Physician(key);
        for (var i = 0; i < 50; i++)
        {
            var taken = await doctor.TakeCaseAsync(new TakeCaseRequest { Hospital = "BCH", Specialty = specialty });
            Assert.True(taken.Taken);
            if (taken.Case.CaseId == caseId)
            {
                return;
            }

            await doctor.TerminateVisitAsync(new TerminateVisitRequest { CaseId = taken.Case.CaseId, Reason = "unsuitable_online" });
        }

        throw new InvalidOperationException("case never came out of the queue");
    }
}
