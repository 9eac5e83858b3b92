using System.Net;
using System.Text.Json;
using Grpc.Core;
using Triage.Api.V1;

namespace Triage.EndToEnd.Tests;

/// <summary>The server-streaming rpcs: a physician hears the alerts and messages of the visits they hold, a booking app the status of its cases, as they happen.</summary>
public class WatchTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    // A bound on every wait, never a measured time: a notice that does not come fails the test here.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private TriageServiceHost Host => fixture.Host;

    private static async Task<CaseNotice> NextForAsync(IAsyncStreamReader<CaseNotice> stream, string caseId, CancellationToken cancellation)
    {
        while (await stream.MoveNext(cancellation))
        {
            if (stream.Current.CaseId == caseId)
            {
                return stream.Current;
            }
        }

        throw new InvalidOperationException("the stream ended");
    }

    [Fact]
    public async Task WatchVisits_ParentMessageWithARedFlag_ReachesThePhysicianAsMessageThenAlert()
    {
        await VisitSteps.RegisterDoctorsAsync(Host);
        var caseId = await VisitSteps.BookedCaseAsync(Host);
        await VisitSteps.TakeAsync(Host, caseId);
        var doctor = Host.Physician();
        using var bound = new CancellationTokenSource(Bound);
        using var watch = doctor.WatchVisits(new WatchVisitsRequest(), cancellationToken: bound.Token);
        Assert.True(await watch.ResponseStream.MoveNext(bound.Token));
        Assert.Equal(CaseNoticeKind.Ready, watch.ResponseStream.Current.Kind);

        await doctor.StartConsultationAsync(new StartConsultationRequest { CaseId = caseId, RealNameCheck = RealNameChecks.For("doc-1", Host.Clock.GetUtcNow()) });
        var started = await NextForAsync(watch.ResponseStream, caseId, bound.Token);
        Assert.Equal((CaseNoticeKind.Status, "consultation_started", VisitStage.InConsultation), (started.Kind, started.EventType, started.Stage));

        var sent = await Host.Grpc().SendParentMessageAsync(new ParentMessageRequest { CaseId = caseId, Text = "医生，孩子刚才突然抽搐了，叫不醒" });
        var message = await NextForAsync(watch.ResponseStream, caseId, bound.Token);
        Assert.Equal(CaseNoticeKind.Message, message.Kind);
        Assert.Equal(("parent", "医生，孩子刚才突然抽搐了，叫不醒"), (message.Message.From, message.Message.Text));
        var alert = await NextForAsync(watch.ResponseStream, caseId, bound.Token);
        Assert.Equal(CaseNoticeKind.Alert, alert.Kind);
        Assert.Equal("emergency", alert.Alert.SuggestedTermination);
        Assert.Contains(RedFlagTag.Seizure, alert.Alert.RedFlags);
        // The notice names the journal entry it comes from, so a client can match it to the case it reads.
        Assert.Equal(sent.Events.Single(e => e.Type == "visit_alert").Sequence, alert.Sequence);

        await doctor.TerminateVisitAsync(new TerminateVisitRequest { CaseId = caseId, Reason = "emergency", Note = "请立即到急诊" });
        var ended = await NextForAsync(watch.ResponseStream, caseId, bound.Token);
        Assert.Equal((CaseNoticeKind.Status, VisitStage.Terminated), (ended.Kind, ended.Stage));
    }

    [Fact]
    public async Task WatchCases_OverJson_StreamsTheAppsStatusChangesOneJsonObjectALine()
    {
        await VisitSteps.RegisterDoctorsAsync(Host);
        using var bound = new CancellationTokenSource(Bound);
        using var request = Host.Json(HttpMethod.Get, "/v1/events");
        using var response = await Host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, bound.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(bound.Token));
        using (var ready = JsonDocument.Parse(await reader.ReadLineAsync(bound.Token) ?? "{}"))
        {
            Assert.Equal("ready", ready.RootElement.GetProperty("kind").GetString());
        }

        var caseId = await VisitSteps.BookedCaseAsync(Host);
        await VisitSteps.TakeAsync(Host, caseId);
        var stages = new List<string>();
        while (stages.Count < 2 && await reader.ReadLineAsync(bound.Token) is { } line)
        {
            using var notice = JsonDocument.Parse(line);
            if (notice.RootElement.GetProperty("caseId").GetString() == caseId)
            {
                Assert.Equal("status", notice.RootElement.GetProperty("kind").GetString());
                stages.Add(notice.RootElement.GetProperty("stage").GetString()!);
            }
        }

        Assert.Equal(["booked", "assigned"], stages);
        await Host.Physician().TerminateVisitAsync(new TerminateVisitRequest { CaseId = caseId, Reason = "unsuitable_online" });
    }

    [Fact]
    public async Task WatchVisits_PhysicianSuspended_ClosesTheStreamAndRefusesANewOne()
    {
        await VisitSteps.RegisterDoctorsAsync(Host);
        var doctor = Host.Physician(TriageServiceHost.KeyDoctor2);
        using var bound = new CancellationTokenSource(Bound);
        using var watch = doctor.WatchVisits(new WatchVisitsRequest(), cancellationToken: bound.Token);
        Assert.True(await watch.ResponseStream.MoveNext(bound.Token));

        await Host.PhysicianAdmin().SuspendPhysicianAsync(new SuspendPhysicianRequest { PhysicianId = "doc-2", Reason = "under review" });
        try
        {
            var closed = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(bound.Token));
            Assert.Equal(StatusCode.PermissionDenied, closed.StatusCode);
            Assert.Equal("physician: suspended", closed.Status.Detail);

            using var again = doctor.WatchVisits(new WatchVisitsRequest(), cancellationToken: bound.Token);
            var refused = await Assert.ThrowsAsync<RpcException>(() => again.ResponseStream.MoveNext(bound.Token));
            Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        }
        finally
        {
            await Host.PhysicianAdmin().ReinstatePhysicianAsync(new ReinstatePhysicianRequest { PhysicianId = "doc-2" });
        }
    }

    [Fact]
    public async Task WatchCases_BeyondFourStreamsPerCaller_IsResourceExhausted_AndAnotherCallerIsNotAffected()
    {
        using var bound = new CancellationTokenSource(Bound);
        var app = Host.Grpc(TriageServiceHost.KeyB);
        var open = new List<AsyncServerStreamingCall<CaseNotice>>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var call = app.WatchCases(new WatchCasesRequest(), cancellationToken: bound.Token);
                open.Add(call);
                Assert.True(await call.ResponseStream.MoveNext(bound.Token));
            }

            using var fifth = app.WatchCases(new WatchCasesRequest(), cancellationToken: bound.Token);
            var refused = await Assert.ThrowsAsync<RpcException>(() => fifth.ResponseStream.MoveNext(bound.Token));
            Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);

            using var other = Host.Grpc(TriageServiceHost.KeyA).WatchCases(new WatchCasesRequest(), cancellationToken: bound.Token);
            Assert.True(await other.ResponseStream.MoveNext(bound.Token));
        }
        finally
        {
            foreach (var call in open)
            {
                call.Dispose();
            }
        }
    }
}
