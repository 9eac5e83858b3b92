using Triage.Grains.Feeds;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Triage.Domain.Decision;
using Triage.Domain.Physicians;
using Triage.Grains.Cases;
using Triage.Grains.Hosting;
using Triage.Grains.Journal;
using Triage.Grains.Storage;

namespace Triage.Grains.Physicians;

/// <summary>
/// One physician. The audit trail lives in the same hash-chained journal as cases (under a key
/// derived from the physician id), so every registration, suspension and change of standing is
/// as tamper-evident as a case. The standing is recomputed from the credentials and today's
/// date whenever it is asked for: a licence lapses at midnight with no one acting, and the
/// first look after it records the change (an hourly timer looks while the grain is active).
/// </summary>
public sealed class PhysicianGrain(
    IJournal journal,
    PhysicianWhitelist whitelist,
    [FromKeyedServices(TriageSiloBuilderExtensions.ClockKey)] TimeProvider clock) : Grain, IPhysicianGrain
{
    private readonly List<JournalEntry> _events = [];
    private PhysicianRecord? _credentials;
    private bool _suspended;
    private string _suspensionReason = string.Empty;
    private PhysicianStanding? _recorded;
    private bool _chainValid = true;

    private Guid JournalKey => KeyOf(this.GetPrimaryKeyString());

    /// <summary>The journal key of a physician's audit trail.</summary>
    public static Guid KeyOf(string physicianId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("physician:" + physicianId)).AsSpan(0, 16));

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stored = await journal.ReadAsync(JournalKey, cancellationToken);
        _chainValid = HashChain.Verify(stored);
        foreach (var e in stored)
        {
            Apply(e);
        }

        this.RegisterGrainTimer(async _ =>
        {
            if (_credentials is not null)
            {
                await RefreshAsync();
            }
        }, TimeSpan.FromHours(1), TimeSpan.FromHours(1));
    }

    /// <inheritdoc />
    public async Task<PhysicianView> RegisterAsync(PhysicianRecord credentials, string actor)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        await AppendAsync(PhysicianEventTypes.Registered, actor, CaseJson.Serialize(credentials));
        return View(await RefreshAsync(actor));
    }

    /// <inheritdoc />
    public async Task<PhysicianView> SuspendAsync(string reason, string actor)
    {
        RequireRegistered();
        await AppendAsync(PhysicianEventTypes.Suspended, actor, CaseJson.Serialize(new SuspensionBody(reason)));
        // A suspended physician receives nothing more of any case: their live streams close now.
        await GrainFactory.GetGrain<ICaseFeedGrain>(CaseFeedGrain.PhysicianKey(this.GetPrimaryKeyString())).CloseAsync("physician: suspended");
        return View(await RefreshAsync(actor));
    }

    /// <inheritdoc />
    public async Task<PhysicianView> ReinstateAsync(string actor)
    {
        RequireRegistered();
        await AppendAsync(PhysicianEventTypes.Reinstated, actor, "{}");
        return View(await RefreshAsync(actor));
    }

    /// <inheritdoc />
    public async Task<PhysicianView?> GetAsync() =>
        _credentials is null ? null : View(await RefreshAsync());

    /// <inheritdoc />
    public async Task<PhysicianStanding?> GetStandingAsync() =>
        _credentials is null ? null : await RefreshAsync();

    // The standing now, recorded when it differs from the last one recorded: after a change, or by itself.
    private async Task<PhysicianStanding> RefreshAsync(string actor = "whitelist_rules")
    {
        var now = PhysicianStanding.From(whitelist.Evaluate(_credentials!.ToCredentials(), _suspended, BeijingCalendar.DateOf(clock.GetUtcNow())), _credentials.Hospital);
        if (_recorded is null || !now.SameAs(_recorded))
        {
            await AppendAsync(PhysicianEventTypes.StandingChanged, actor, CaseJson.Serialize(now));
        }

        return now;
    }

    private async Task AppendAsync(string type, string actor, string payload) =>
        Apply(await journal.AppendNextAsync(JournalKey, _events.Count > 0 ? _events[^1] : null, type, clock.GetUtcNow(), actor, payload));

    private void Apply(JournalEntry e)
    {
        switch (e.Type)
        {
            case PhysicianEventTypes.Registered:
                _credentials = CaseJson.Deserialize<PhysicianRecord>(e.Payload);
                break;
            case PhysicianEventTypes.Suspended:
                _suspended = true;
                _suspensionReason = CaseJson.Deserialize<SuspensionBody>(e.Payload).Reason;
                break;
            case PhysicianEventTypes.Reinstated:
                _suspended = false;
                _suspensionReason = string.Empty;
                break;
            case PhysicianEventTypes.StandingChanged:
                _recorded = CaseJson.Deserialize<PhysicianStanding>(e.Payload);
                break;
        }

        _events.Add(e);
    }

    private void RequireRegistered()
    {
        if (_credentials is null)
        {
            throw new Visits.VisitRuleException("physician: not registered");
        }
    }

    private PhysicianView View(PhysicianStanding standing) => new()
    {
        PhysicianId = this.GetPrimaryKeyString(),
        Credentials = _credentials!,
        Suspended = _suspended,
        SuspensionReason = _suspensionReason,
        Standing = standing,
        Events = [.. _events],
        ChainValid = _chainValid,
    };

    private sealed record SuspensionBody(string Reason);
}
