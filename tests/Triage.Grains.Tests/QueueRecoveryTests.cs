using Triage.Domain.Classification;
using Triage.Grains.Cases;
using Triage.Grains.Journal;
using Triage.Grains.Physicians;
using Triage.Grains.Storage;
using Triage.Grains.Visits;

namespace Triage.Grains.Tests;

/// <summary>
/// The queue is derived from the case journals: a crash between a case recording a step and the
/// queue learning of it (simulated by losing the queue's memory at that point) loses no case,
/// serves none twice, and the queue keeps serving.
/// </summary>
[Collection(ClusterGroup.Name)]
public class QueueRecoveryTests(ClusterFixture fixture)
{
    private const string App = "app-queue";
    private const string Hospital = "CCCH";
    private const string Eczema = "宝宝8个月，脸上湿疹两周了，不发烧，吃奶睡觉都好";

    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task CrashesBetweenCaseAndQueue_LoseNothing_ServeNothingTwice_AndTheQueueKeepsServing()
    {
        var queue = Grains.GetGrain<IVisitQueueGrain>(VisitQueueGrain.KeyOf(Hospital, Specialty.Dermatology));
        var (p, q) = ("rec-p-" + Guid.NewGuid().ToString("N"), "rec-q-" + Guid.NewGuid().ToString("N"));
        await Grains.GetGrain<IPhysicianGrain>(p).RegisterAsync(fixture.Qualified(Hospital), "admin-app");
        await Grains.GetGrain<IPhysicianGrain>(q).RegisterAsync(fixture.Qualified(Hospital), "admin-app");
        await DrainAsync(queue, q);

        var booked = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            booked.Add(await BookedCaseAsync());
        }

        // 1. The case recorded that p took it; the queue crashed before it learnt so.
        Assert.True(await Grains.GetGrain<ICaseGrain>(booked[0]).AssignAsync(p));
        await CrashAsync(queue);

        // 2. A booking was recorded in the journal; the service crashed before the case was queued.
        var unqueued = await BookedInJournalOnlyAsync();
        await CrashAsync(queue);

        Assert.Equal(new[] { booked[0] }, (await queue.GetAsync(p)).OpenVisits.ToArray());
        var served = new List<Guid>();
        while (await queue.TakeAsync(q) is { } id)
        {
            served.Add(id);
            await Grains.GetGrain<ICaseGrain>(id).TerminateAsync(new VisitTerminated(q, "unsuitable_online", "test"));
            if (served.Count % 2 == 0)
            {
                await CrashAsync(queue); // and the queue crashes again now and then
            }
        }

        Assert.Equal([booked[1], booked[2], unqueued], served);
        Assert.Equal(served.Count, served.Distinct().Count());
        // p still holds the case it took before the crash, and can end it.
        var ended = await Grains.GetGrain<ICaseGrain>(booked[0]).TerminateAsync(new VisitTerminated(p, "unsuitable_online", "test"));
        Assert.Equal(VisitStage.Terminated, ended!.Visit.Stage);
        Assert.Empty((await queue.GetAsync(p)).OpenVisits);
    }

    private async Task<Guid> BookedCaseAsync()
    {
        var id = Guid.NewGuid();
        var grain = Grains.GetGrain<ICaseGrain>(id);
        await grain.OpenAsync(new CaseOpened(App, string.Empty, Eczema, new PatientDetails { GuardianPresent = true, AgeMonths = 8 }));
        await grain.BookAsync(App, Hospital);
        return id;
    }

    // A case opened and decided online, then its booking appended straight to the journal: the queue never heard of it.
    private async Task<Guid> BookedInJournalOnlyAsync()
    {
        var id = Guid.NewGuid();
        var grain = Grains.GetGrain<ICaseGrain>(id);
        await grain.OpenAsync(new CaseOpened(App, string.Empty, Eczema, new PatientDetails { GuardianPresent = true, AgeMonths = 8 }));
        await grain.Cast<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();
        using var database = new SqliteDatabase(fixture.DatabasePath);
        var journal = new SqliteJournal(database);
        var last = (await journal.ReadAsync(id))[^1];
        await journal.AppendNextAsync(id, last, VisitEventTypes.Booked, fixture.Clock.GetUtcNow(), App, CaseJson.Serialize(new VisitBooked(Hospital, Specialty.Dermatology)));
        return id;
    }

    private static Task CrashAsync(IVisitQueueGrain queue) =>
        queue.Cast<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle().AsTask();

    // Cases other tests left in this queue are ended first, so the order below is this test's own.
    private async Task DrainAsync(IVisitQueueGrain queue, string physician)
    {
        while (await queue.TakeAsync(physician) is { } id)
        {
            await Grains.GetGrain<ICaseGrain>(id).TerminateAsync(new VisitTerminated(physician, "unsuitable_online", "test"));
        }
    }
}
