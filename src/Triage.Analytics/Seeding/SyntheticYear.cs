using System.Collections.Immutable;
using System.Globalization;
using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Facts;
using Triage.Domain.RedFlags;
using Triage.Grains.Cases;
using Triage.Grains.Journal;
using Triage.Grains.Physicians;
using Triage.Grains.Storage;
using Triage.Grains.Visits;

namespace Triage.Analytics.Seeding;

/// <summary>
/// Fills a journal database with a synthetic pilot year: cases opened, decided, booked, taken,
/// alerted, prescribed, completed or terminated, by whitelisted physicians, through the same
/// journal, hash chains and ledger the service writes, so the projection reads them as it reads real
/// ones. Deterministic for a seed. A few compliance breaches are written on purpose, at known
/// rates, so the report's must-be-zero counts are seen to count. No real person is in it.
/// </summary>
public sealed class SyntheticYear(SqliteJournal journal, int seed = 2026)
{
    private const int CasesPerTransaction = 2_000;
    private const string AppId = "synthetic-app";
    private static readonly string[] Hospitals = ["BCH", "CCCH"];
    private static readonly Specialty[] PilotSpecialties = [Specialty.Growth, Specialty.Nutrition, Specialty.Dermatology];
    private static readonly string[] OtherProvinces = ["河北", "天津", "山东", "内蒙古", "山西"];
    private static readonly RedFlagTag[] EmergencyTags = [.. RedFlagTags.Worded.Where(t => RedFlagTags.Severity(t) == RedFlagSeverity.Emergency)];
    private static readonly RedFlagTag[] OfflineTags = [.. RedFlagTags.Worded.Where(t => RedFlagTags.Severity(t) == RedFlagSeverity.Offline)];

    private readonly Random _random = new(seed);
    private readonly List<(string Id, string Hospital, ImmutableArray<Specialty> Specialties)> _physicians = [];

    /// <summary>Writes <paramref name="cases"/> cases spread over <paramref name="year"/> (Beijing time) and returns what was written.</summary>
    public async Task<SeedTally> WriteAsync(int cases, int year = 2026, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cases);
        var tally = new SeedTally();
        var start = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var span = new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)) - start - TimeSpan.FromDays(2);
        await WritePhysiciansAsync(start.AddDays(-30), tally, cancellationToken).ConfigureAwait(false);

        var batch = new List<JournalAppend>(CasesPerTransaction);
        for (var i = 0; i < cases; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var opened = start + (span * ((double)i / cases)) + TimeSpan.FromSeconds(_random.Next(0, 60));
            batch.Add(new JournalAppend(NewKey(), 0, Case(opened, tally)));
            if (batch.Count == CasesPerTransaction || i == cases - 1)
            {
                await journal.AppendManyAsync(batch, cancellationToken).ConfigureAwait(false);
                tally.Events += batch.Sum(b => b.Events.Count);
                batch.Clear();
                progress?.Report(i + 1);
            }
        }

        return tally;
    }

    private async Task WritePhysiciansAsync(DateTimeOffset at, SeedTally tally, CancellationToken cancellationToken)
    {
        var appends = new List<JournalAppend>();
        foreach (var hospital in Hospitals)
        {
            for (var n = 0; n < 12; n++)
            {
                var id = $"{hospital.ToLowerInvariant()}-dr-{n:D2}";
                // Every pilot specialty has four physicians per hospital, some covering two.
                ImmutableArray<Specialty> specialties = n % 4 == 3 ? [PilotSpecialties[n % 3], PilotSpecialties[(n + 1) % 3]] : [PilotSpecialties[n % 3]];
                _physicians.Add((id, hospital, specialties));
                if ((await journal.ReadAsync(PhysicianGrain.KeyOf(id), cancellationToken).ConfigureAwait(false)).Count > 0)
                {
                    continue; // seeded before, into the same database
                }

                var record = new PhysicianRecord
                {
                    LicenceNumber = $"1101{n:D10}",
                    LicenceSpecialties = specialties,
                    Hospital = hospital,
                    Title = "attending",
                    IndependentPracticeSince = new DateOnly(2015, 1, 1),
                    InternetFollowUpSince = new DateOnly(2020, 1, 1),
                    TrainingPassedOn = new DateOnly(2025, 12, 1),
                };
                var standing = new PhysicianStanding { AsOf = DateOnly.FromDateTime(at.UtcDateTime), Specialties = specialties, Failures = [], Hospital = hospital };
                var registered = HashChain.Next(null, PhysicianEventTypes.Registered, at, "synthetic-admin", CaseJson.Serialize(record));
                var changed = HashChain.Next(registered, PhysicianEventTypes.StandingChanged, at, "synthetic-admin", CaseJson.Serialize(standing));
                appends.Add(new JournalAppend(PhysicianGrain.KeyOf(id), 0, [registered, changed]));
            }
        }

        if (appends.Count > 0)
        {
            await journal.AppendManyAsync(appends, cancellationToken).ConfigureAwait(false);
        }

        tally.Events += appends.Sum(a => a.Events.Count);
    }

    private List<JournalEntry> Case(DateTimeOffset at, SeedTally tally)
    {
        var events = new List<JournalEntry>(8);
        void Add(string type, string actor, string payload, TimeSpan after)
        {
            at += after;
            events.Add(HashChain.Next(events.Count == 0 ? null : events[^1], type, at, actor, payload));
        }

        tally.Cases++;
        var month = at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        tally.ByMonth[month] = tally.ByMonth.GetValueOrDefault(month) + 1;

        var roll = _random.NextDouble();
        var disposition = roll < 0.45 ? Disposition.Online : roll < 0.70 ? Disposition.Offline : roll < 0.78 ? Disposition.Emergency : roll < 0.90 ? Disposition.OutOfScope : Disposition.NeedsInfo;
        var specialty = disposition == Disposition.Online ? PilotSpecialties[_random.Next(3)] : (Specialty)_random.Next(4);
        var guardian = _random.NextDouble() < 0.95;
        var patient = new PatientDetails
        {
            AgeMonths = _random.Next(0, 204),
            Sex = _random.Next(2) == 0 ? Sex.Female : Sex.Male,
            Province = _random.NextDouble() < 0.7 ? "北京" : _random.NextDouble() < 0.85 ? OtherProvinces[_random.Next(OtherProvinces.Length)] : string.Empty,
            GuardianPresent = guardian,
            PreferredHospital = _random.NextDouble() < 0.6 ? Hospitals[_random.Next(2)] : string.Empty,
        };
        var modelVersion = at.Month <= 6 ? "maxent-synthetic-h1" : "maxent-synthetic-h2";
        Add(CaseEventTypes.Opened, AppId, CaseJson.Serialize(new CaseOpened(AppId, string.Empty, "（合成病例，无真实内容）", patient)), TimeSpan.Zero);
        Add(CaseEventTypes.Assessed, AppId, CaseJson.Serialize(new CaseAssessed(Decision(disposition, specialty, patient, modelVersion, at))), TimeSpan.FromMilliseconds(2));
        tally.Dispositions[LabelName(disposition)] = tally.Dispositions.GetValueOrDefault(LabelName(disposition)) + 1;

        // A breach on purpose: about one booking in 400 without a confirmed guardian.
        var unguardedBooking = !guardian && _random.Next(20) == 0;
        if (disposition != Disposition.Online || (!guardian && !unguardedBooking) || _random.NextDouble() > 0.7)
        {
            return events;
        }

        var hospital = patient.PreferredHospital.Length > 0 ? patient.PreferredHospital : Hospitals[_random.Next(2)];
        Add(VisitEventTypes.Booked, AppId, CaseJson.Serialize(new VisitBooked(hospital, specialty)), Minutes(1, 30));
        tally.Booked++;
        tally.WithoutGuardian += guardian ? 0 : 1;
        if (_random.NextDouble() > 0.92)
        {
            return events;
        }

        // A breach on purpose: about one consultation in 500 by a physician not covering it.
        var covering = _physicians.Where(p => p.Hospital == hospital && p.Specialties.Contains(specialty)).ToList();
        var outside = _random.Next(500) == 0;
        var physician = outside
            ? _physicians.First(p => p.Hospital != hospital).Id
            : covering[_random.Next(covering.Count)].Id;
        tally.NotWhitelisted += outside ? 1 : 0;
        if (!outside && covering.Count > 1 && _random.Next(100) == 0)
        {
            // Now and then a physician hands the visit back and a colleague takes it.
            var first = covering.First(p => p.Id != physician).Id;
            Add(VisitEventTypes.Assigned, first, CaseJson.Serialize(new VisitAssigned(first)), Minutes(5, 240));
            Add(VisitEventTypes.HandedBack, first, CaseJson.Serialize(new VisitHandedBack(first, "（合成）")), Minutes(1, 20));
            tally.HandedBack++;
        }

        Add(VisitEventTypes.Assigned, physician, CaseJson.Serialize(new VisitAssigned(physician)), Minutes(5, 240));
        Add(VisitEventTypes.Started, physician, CaseJson.Serialize(new ConsultationStarted(physician, "face_recognition", [specialty])), Minutes(1, 20));
        tally.Started++;

        var alerted = _random.NextDouble() < 0.05;
        var emergencyAlert = alerted && _random.Next(2) == 0;
        if (alerted)
        {
            var tag = emergencyAlert ? EmergencyTags[_random.Next(EmergencyTags.Length)] : OfflineTags[_random.Next(OfflineTags.Length)];
            Add(VisitEventTypes.Alert, "triage_policy", CaseJson.Serialize(new VisitAlert([tag], emergencyAlert ? Disposition.Emergency : Disposition.Offline, emergencyAlert ? "emergency" : "unsuitable_online")), Minutes(1, 10));
            tally.Alerts++;
        }

        var end = _random.NextDouble();
        if (alerted ? end < 0.9 : end < 0.08)
        {
            var reason = emergencyAlert ? "emergency" : alerted ? "unsuitable_online" : VisitTerminated.Reasons[_random.Next(3)];
            Add(VisitEventTypes.Terminated, physician, CaseJson.Serialize(new VisitTerminated(physician, reason, "（合成）")), Minutes(1, 10));
            tally.Terminated[reason] = tally.Terminated.GetValueOrDefault(reason) + 1;
            return events;
        }

        // A physician who continues after an alert mostly records the decision; a breach on purpose when not.
        var acknowledged = alerted && _random.Next(4) != 0;
        if (acknowledged)
        {
            Add(VisitEventTypes.AlertAcknowledged, physician, CaseJson.Serialize(new AlertAcknowledged(physician, "（合成）", 1)), Minutes(1, 5));
            tally.Continued++;
        }

        if (_random.NextDouble() < 0.4)
        {
            // Breaches on purpose: about one prescription in 300 unsigned.
            var unsigned = _random.Next(300) == 0;
            var prescription = new PrescriptionSigned(physician, [new PrescriptionItem("维生素D滴剂", "ordinary", "400 IU 口服 每日一次")], unsigned ? string.Empty : "sig:" + physician, true, true);
            Add(VisitEventTypes.Prescribed, physician, CaseJson.Serialize(prescription), Minutes(2, 15));
            tally.Prescriptions++;
            tally.UnsignedPrescriptions += unsigned ? 1 : 0;
            tally.AfterUnacknowledgedAlert += emergencyAlert && !acknowledged ? 1 : 0;
        }

        if (end > 0.97)
        {
            return events; // still in consultation
        }

        var finalSpecialty = _random.NextDouble() < 0.85 ? specialty : PilotSpecialties[_random.Next(3)];
        var finalDisposition = _random.NextDouble() < 0.92 ? Disposition.Online : Disposition.Offline;
        Add(VisitEventTypes.Completed, physician, CaseJson.Serialize(new VisitCompleted(physician, "（合成）", finalDisposition, finalSpecialty)), Minutes(5, 40));
        tally.Completed++;
        tally.SpecialtyAgreed += finalSpecialty == specialty ? 1 : 0;
        return events;
    }

    private DecisionRecord Decision(Disposition disposition, Specialty specialty, PatientDetails patient, string modelVersion, DateTimeOffset at)
    {
        ImmutableArray<RedFlagRecord> flags = disposition switch
        {
            Disposition.Emergency => [new RedFlagRecord { Tag = EmergencyTags[_random.Next(EmergencyTags.Length)], Status = RedFlagStatus.Affirmed, Source = RedFlagSource.Vocabulary }],
            Disposition.Offline when _random.Next(3) == 0 => [new RedFlagRecord { Tag = OfflineTags[_random.Next(OfflineTags.Length)], Status = RedFlagStatus.Affirmed, Source = RedFlagSource.Vocabulary }],
            _ => [],
        };
        var reason = disposition switch
        {
            Disposition.Online => DecisionTexts.BookOnline,
            Disposition.Emergency => DecisionTexts.CallEmergency,
            Disposition.Offline => _random.Next(2) == 0 ? DecisionTexts.BookInPersonSoon : DecisionTexts.BookInPerson,
            Disposition.OutOfScope => DecisionTexts.UseUsualChannels,
            _ => DecisionTexts.AnswerQuestions,
        };
        var text = new LocalizedTextRecord(reason.Code, reason.Zh, reason.En);
        return new DecisionRecord
        {
            Disposition = disposition,
            Specialty = specialty,
            Urgency = disposition == Disposition.Emergency ? Urgency.Immediate : Urgency.Routine,
            RedFlags = flags,
            Reasons = [text],
            Questions = [],
            NextStep = text,
            DispositionProbabilities = ImmutableDictionary<Disposition, double>.Empty.Add(disposition, 0.8),
            SpecialtyProbabilities = ImmutableDictionary<Specialty, double>.Empty.Add(specialty, 0.7),
            Explanation = [],
            Facts = new FactsRecord { AgeMonths = patient.AgeMonths, Sex = patient.Sex },
            ModelVersion = modelVersion,
            PolicyVersion = "bj-first-visit-2026.1+synthetic",
            DecidedAt = at,
        };
    }

    private TimeSpan Minutes(int low, int high) => TimeSpan.FromMinutes(low + (_random.NextDouble() * (high - low)));

    private Guid NewKey()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static string LabelName(Disposition d) => Triage.Domain.Evaluation.LabelNames.Of(d);
}
