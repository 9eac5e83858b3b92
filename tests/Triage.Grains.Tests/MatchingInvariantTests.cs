using Triage.Domain.Classification;
using Triage.Domain.RedFlags;
using Triage.Grains.Cases;
using Triage.Grains.Physicians;
using Triage.Grains.Visits;

namespace Triage.Grains.Tests;

/// <summary>
/// Random sequences of bookings, suspensions, reinstatements, licence lapses, takes, starts,
/// alerts and ends, checked against a model of who is whitelisted: no first visit is ever taken,
/// started, completed or terminated by a physician who is not whitelisted at that moment (such a
/// physician can only hand it back), no visit with an undecided alert is completed, and no
/// physician holds too many.
/// </summary>
[Collection(ClusterGroup.Name)]
public class MatchingInvariantTests(ClusterFixture fixture)
{
    private const string Hospital = "CCCH";
    private const Specialty Pilot = Specialty.Nutrition;
    private const string App = "app-random";

    private sealed class Doctor(string id, bool qualified, DateOnly licenceUntil)
    {
        public string Id { get; } = id;

        public bool Qualified { get; } = qualified;

        public DateOnly LicenceUntil { get; } = licenceUntil;

        public bool Suspended { get; set; }

        public bool WhitelistedOn(DateOnly day) => Qualified && !Suspended && day <= LicenceUntil;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task RandomSequences_NeverStartAVisitWithAPhysicianOffTheWhitelist(int seed)
    {
        var random = new Random(seed);
        var grains = fixture.Cluster.GrainFactory;
        var queue = grains.GetGrain<IVisitQueueGrain>(VisitQueueGrain.KeyOf(Hospital, Pilot));
        var doctors = new List<Doctor>();
        for (var i = 0; i < 5; i++)
        {
            var d = new Doctor($"rnd{seed}-{i}-{Guid.NewGuid():N}", qualified: i != 0, licenceUntil: fixture.Today.AddDays(random.Next(0, 4)));
            doctors.Add(d);
            var record = fixture.Qualified(Hospital, Pilot, d.LicenceUntil) with { Title = d.Qualified ? "attending" : "resident" };
            await grains.GetGrain<IPhysicianGrain>(d.Id).RegisterAsync(record, "admin-app");
        }

        var assigned = new Dictionary<Guid, Doctor>();
        var started = new HashSet<Guid>();
        var undecided = new HashSet<Guid>();
        var (takes, starts, refusals, handBacks, blockedByAlerts) = (0, 0, 0, 0, 0);
        for (var step = 0; step < 250; step++)
        {
            var doctor = doctors[random.Next(doctors.Count)];
            var today = fixture.Today;
            switch (random.Next(10))
            {
                case 0:
                case 1:
                    var caseGrain = grains.GetGrain<ICaseGrain>(Guid.NewGuid());
                    var opened = await caseGrain.OpenAsync(new CaseOpened(App, string.Empty, "孩子2岁，挑食不爱吃饭，想咨询怎么喂养", new PatientDetails { GuardianPresent = true, AgeMonths = 24 }));
                    Assert.Equal(Specialty.Nutrition, opened.Decision.Specialty);
                    await caseGrain.BookAsync(App, Hospital);
                    break;
                case 2:
                    doctor.Suspended = !doctor.Suspended;
                    var physician = grains.GetGrain<IPhysicianGrain>(doctor.Id);
                    await (doctor.Suspended ? physician.SuspendAsync("random", "admin-app") : physician.ReinstateAsync("admin-app"));
                    break;
                case 3:
                    if (random.Next(10) == 0)
                    {
                        fixture.Clock.Advance(TimeSpan.FromDays(1));
                    }

                    break;
                case 4:
                case 5:
                    var open = assigned.Count(a => a.Value == doctor);
                    try
                    {
                        var taken = await queue.TakeAsync(doctor.Id);
                        Assert.True(doctor.WhitelistedOn(today), $"{doctor.Id} took a case off the whitelist");
                        Assert.True(open < VisitQueueGrain.MaxOpenVisitsPerPhysician);
                        if (taken is { } id)
                        {
                            assigned[id] = doctor;
                            takes++;
                        }
                    }
                    catch (VisitRuleException)
                    {
                        Assert.True(!doctor.WhitelistedOn(today) || open >= VisitQueueGrain.MaxOpenVisitsPerPhysician);
                        refusals++;
                    }

                    break;
                case 6:
                    var waiting = assigned.Where(a => !started.Contains(a.Key)).Select(a => a.Key).ToList();
                    if (waiting.Count > 0)
                    {
                        var id = waiting[random.Next(waiting.Count)];
                        var owner = assigned[id];
                        try
                        {
                            await grains.GetGrain<ICaseGrain>(id).StartConsultationAsync(owner.Id, fixture.RealNameCheckOf(owner.Id));
                            Assert.True(owner.WhitelistedOn(today), $"{owner.Id} started a visit off the whitelist");
                            started.Add(id);
                            starts++;
                        }
                        catch (VisitRuleException)
                        {
                            Assert.False(owner.WhitelistedOn(today));
                            refusals++;
                        }
                    }

                    break;
                case 7:
                    var inConsultation = started.Where(assigned.ContainsKey).ToList();
                    if (inConsultation.Count > 0)
                    {
                        // A parent reports a danger sign: the alert must be decided before the visit can end online.
                        var id = inConsultation[random.Next(inConsultation.Count)];
                        var view = await grains.GetGrain<ICaseGrain>(id).AddMessageAsync(App, new VisitMessage(VisitMessage.Parent, "孩子刚才喘不上气，嘴唇发紫"));
                        Assert.True(view!.Visit.AlertAwaitsDecision);
                        undecided.Add(id);
                    }

                    break;
                default:
                    if (assigned.Count > 0)
                    {
                        var (id, owner) = assigned.ElementAt(random.Next(assigned.Count));
                        var grain = grains.GetGrain<ICaseGrain>(id);
                        var complete = () => grain.CompleteAsync(new VisitCompleted(owner.Id, "挑食", Disposition.Online, Specialty.Nutrition));
                        var terminate = () => grain.TerminateAsync(new VisitTerminated(owner.Id, "unsuitable_online", "线下就诊"));
                        if (!owner.WhitelistedOn(today))
                        {
                            // Off the whitelist mid-visit: every act is refused, and handing back is all that is left.
                            await Assert.ThrowsAsync<VisitRuleException>(started.Contains(id) ? complete : terminate);
                            var back = await grain.HandBackAsync(owner.Id, "off_whitelist");
                            Assert.Equal(VisitStage.Booked, back!.Visit.Stage);
                            assigned.Remove(id);
                            started.Remove(id);
                            handBacks++;
                        }
                        else if (started.Contains(id))
                        {
                            if (undecided.Contains(id))
                            {
                                await Assert.ThrowsAsync<VisitRuleException>(complete);
                                await grain.ContinueAfterAlertAsync(owner.Id, "视频复核：呼吸平稳");
                                undecided.Remove(id);
                                blockedByAlerts++;
                            }

                            await complete();
                            assigned.Remove(id);
                        }
                        else
                        {
                            await terminate();
                            assigned.Remove(id);
                        }
                    }

                    break;
            }
        }

        // The sequences exercised both sides of the rule, or the test proves nothing.
        Assert.True(takes > 0 && starts > 0 && refusals > 0 && handBacks > 0 && blockedByAlerts > 0, $"takes {takes}, starts {starts}, refusals {refusals}, hand-backs {handBacks}, alerts decided {blockedByAlerts}");
    }

    [Fact]
    public async Task Take_ThirdOpenVisit_IsRefusedSoWorkSpreads()
    {
        var grains = fixture.Cluster.GrainFactory;
        var id = "fair-" + Guid.NewGuid().ToString("N");
        await grains.GetGrain<IPhysicianGrain>(id).RegisterAsync(fixture.Qualified("CCCH", Specialty.Growth), "admin-app");
        var queue = grains.GetGrain<IVisitQueueGrain>(VisitQueueGrain.KeyOf("CCCH", Specialty.Growth));
        for (var i = 0; i < VisitQueueGrain.MaxOpenVisitsPerPhysician + 1; i++)
        {
            var c = grains.GetGrain<ICaseGrain>(Guid.NewGuid());
            var opened = await c.OpenAsync(new CaseOpened(App, string.Empty, "孩子5岁，个子比同龄人矮，想咨询长高", new PatientDetails { GuardianPresent = true, AgeMonths = 60 }));
            Assert.Equal(Disposition.Online, opened.Decision.Disposition);
            await c.BookAsync(App, "CCCH");
        }

        for (var i = 0; i < VisitQueueGrain.MaxOpenVisitsPerPhysician; i++)
        {
            Assert.NotNull(await queue.TakeAsync(id));
        }

        await Assert.ThrowsAsync<VisitRuleException>(() => queue.TakeAsync(id));
        Assert.Equal(VisitQueueGrain.MaxOpenVisitsPerPhysician, (await queue.GetAsync(id)).OpenVisits.Length);
    }
}
