using Triage.Domain.Classification;
using Triage.Domain.Decision;

namespace Triage.Domain.Physicians;

/// <summary>
/// The pilot's whitelist rules (§1): licensed for the specialty, at least 3 years of independent
/// practice, attending title or above, at least 1 year of internet follow-up, the hospital's
/// training and assessment passed, at a pilot hospital offering the specialty, within the pilot
/// period, not suspended. The standing is a function of the date, so a lapse needs no one to act.
/// </summary>
public sealed class PhysicianWhitelist(PilotOptions pilot)
{
    /// <summary>Years of independent clinical practice required.</summary>
    public const int IndependentPracticeYears = 3;

    /// <summary>Years of internet follow-up practice required.</summary>
    public const int InternetFollowUpYears = 1;

    private readonly PilotOptions _pilot = pilot ?? throw new ArgumentNullException(nameof(pilot));

    /// <summary>The standing on <paramref name="asOf"/> (a Beijing date).</summary>
    public WhitelistStatus Evaluate(PhysicianCredentials credentials, bool suspended, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var failures = new List<WhitelistFailure>();
        var changes = new List<DateOnly>();

        if (suspended)
        {
            failures.Add(new("suspended", "suspended by the hospital"));
        }

        if (asOf < _pilot.Start || asOf > _pilot.End)
        {
            failures.Add(new("pilot_period", $"outside the pilot period {_pilot.Start:yyyy-MM-dd}..{_pilot.End:yyyy-MM-dd}"));
        }
        else
        {
            changes.Add(_pilot.End.AddDays(1));
        }

        if (asOf < _pilot.Start)
        {
            changes.Add(_pilot.Start);
        }

        if (credentials.LicenceValidUntil is { } until)
        {
            if (asOf > until)
            {
                failures.Add(new("licence_expired", $"licence expired on {until:yyyy-MM-dd}"));
            }
            else
            {
                changes.Add(until.AddDays(1));
            }
        }

        if (credentials.Title < PhysicianTitle.Attending)
        {
            failures.Add(new("title", "title below attending physician (主治医师)"));
        }

        Waiting(credentials.IndependentPracticeSince, IndependentPracticeYears, "independent_practice", "independent clinical practice", asOf, failures, changes);
        Waiting(credentials.InternetFollowUpSince, InternetFollowUpYears, "internet_follow_up", "internet follow-up practice", asOf, failures, changes);

        if (credentials.TrainingPassedOn is not { } passed)
        {
            failures.Add(new("training", "the hospital's internet-care training and assessment not passed"));
        }
        else if (passed > asOf)
        {
            failures.Add(new("training", $"training assessment dated {passed:yyyy-MM-dd}, in the future"));
            changes.Add(passed);
        }

        var hospital = _pilot.Hospitals.FirstOrDefault(h => string.Equals(h.Code, credentials.Hospital, StringComparison.OrdinalIgnoreCase));
        if (hospital is null)
        {
            failures.Add(new("hospital", "not a pilot hospital"));
        }

        var offered = hospital?.Specialties ?? [];
        var specialties = credentials.LicenceSpecialties.Where(s => s != Specialty.Other && offered.Contains(s)).Distinct().Order().ToList();
        if (hospital is not null && specialties.Count == 0)
        {
            failures.Add(new("licence", "the licence covers none of the pilot specialties this hospital offers"));
        }

        var next = changes.Where(d => d > asOf).DefaultIfEmpty().Min();
        return new WhitelistStatus(asOf, failures.Count == 0 ? specialties : [], failures, next == default ? null : next);
    }

    private static void Waiting(DateOnly? since, int years, string rule, string what, DateOnly asOf, List<WhitelistFailure> failures, List<DateOnly> changes)
    {
        if (since is not { } start)
        {
            failures.Add(new(rule, $"no start date of {what}"));
            return;
        }

        var qualifies = start.AddYears(years);
        if (asOf < qualifies)
        {
            failures.Add(new(rule, $"{what} under {years} year(s): qualifies on {qualifies:yyyy-MM-dd}"));
            changes.Add(qualifies);
        }
    }
}
