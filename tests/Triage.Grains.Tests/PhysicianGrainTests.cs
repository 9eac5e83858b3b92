using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.RedFlags;
using Triage.Grains.Cases;
using Triage.Grains.Physicians;
using Triage.Grains.Visits;

namespace Triage.Grains.Tests;

[Collection(ClusterGroup.Name)]
public class PhysicianGrainTests(ClusterFixture fixture)
{
    private IPhysicianGrain Physician() => fixture.Cluster.GrainFactory.GetGrain<IPhysicianGrain>("doc-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Register_QualifiedPhysician_IsWhitelistedAndAudited()
    {
        var view = await Physician().RegisterAsync(fixture.Qualified(), "admin-app");

        Assert.True(view.Standing.Whitelisted);
        Assert.Equal<Specialty>([Specialty.Dermatology], view.Standing.Specialties);
        Assert.Equal([PhysicianEventTypes.Registered, PhysicianEventTypes.StandingChanged], view.Events.Select(e => e.Type));
        Assert.All(view.Events, e => Assert.Equal("admin-app", e.Actor));
        Assert.True(view.ChainValid);
    }

    [Fact]
    public async Task Register_ResidentTitle_IsNotWhitelistedWithTheReason()
    {
        var view = await Physician().RegisterAsync(fixture.Qualified() with { Title = "resident" }, "admin-app");

        Assert.False(view.Standing.Whitelisted);
        Assert.Contains(view.Standing.Failures, f => f.StartsWith("title:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SuspendThenReinstate_TakesOffAndPutsBackWithEveryChangeAudited()
    {
        var physician = Physician();
        await physician.RegisterAsync(fixture.Qualified(), "admin-app");

        var suspended = await physician.SuspendAsync("complaint under review", "admin-app");
        Assert.False(suspended.Standing.Whitelisted);
        Assert.Equal("complaint under review", suspended.SuspensionReason);

        var back = await physician.ReinstateAsync("admin-app");
        Assert.True(back.Standing.Whitelisted);
        Assert.Equal(
            [PhysicianEventTypes.Registered, PhysicianEventTypes.StandingChanged, PhysicianEventTypes.Suspended, PhysicianEventTypes.StandingChanged, PhysicianEventTypes.Reinstated, PhysicianEventTypes.StandingChanged],
            back.Events.Select(e => e.Type));
        Assert.True(back.ChainValid);
    }

    [Fact]
    public async Task LicenceLapse_TakesThePhysicianOffByItselfAndTheAuditSaysSo()
    {
        var physician = Physician();
        await physician.RegisterAsync(fixture.Qualified(licenceUntil: fixture.Today), "admin-app");
        Assert.True((await physician.GetStandingAsync())!.Whitelisted);

        fixture.Clock.Advance(TimeSpan.FromDays(1));
        var standing = await physician.GetStandingAsync();

        Assert.False(standing!.Whitelisted);
        Assert.Contains(standing.Failures, f => f.StartsWith("licence_expired:", StringComparison.Ordinal));
        var view = await physician.GetAsync();
        Assert.Equal(PhysicianEventTypes.StandingChanged, view!.Events[^1].Type);
        Assert.Equal("whitelist_rules", view.Events[^1].Actor);
    }

    [Fact]
    public async Task Suspend_Unregistered_IsRefused()
    {
        await Assert.ThrowsAsync<VisitRuleException>(() => Physician().SuspendAsync("x", "admin-app"));
    }

    [Fact]
    public async Task Get_Unregistered_IsNull()
    {
        Assert.Null(await Physician().GetAsync());
    }
}
