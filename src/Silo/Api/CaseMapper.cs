using Google.Protobuf.WellKnownTypes;
using Triage.Api.V1;
using Triage.Domain.Evaluation;
using Triage.Grains.Cases;
using Triage.Grains.Journal;

namespace Triage.Silo.Api;

/// <summary>Maps recorded cases and decisions to the API's messages.</summary>
public static class CaseMapper
{
    /// <summary>The reply to Assess and AnswerQuestions.</summary>
    public static AssessReply ToReply(CaseView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new AssessReply { CaseId = view.CaseId.ToString(), Decision = ToDecision(view.Decision) };
    }

    /// <summary>The whole case.</summary>
    public static Case ToCase(CaseView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var result = new Case
        {
            CaseId = view.CaseId.ToString(),
            Complaint = view.Complaint,
            Patient = ToPatient(view.Patient),
            Decision = ToDecision(view.Decision),
            ChainValid = view.ChainValid,
            CreatedAt = Timestamp.FromDateTimeOffset(view.CreatedAt),
            Visit = ToVisit(view.Visit),
        };
        if (view.Patient.GuardianPresent is { } guardian)
        {
            result.GuardianPresent = guardian;
        }

        result.Events.AddRange(view.Events.Select(ToEvent));
        return result;
    }

    /// <summary>A recorded decision as the API's message.</summary>
    public static Decision ToDecision(DecisionRecord d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var result = new Decision
        {
            Disposition = ApiVocabulary.ToApi(d.Disposition),
            Specialty = ApiVocabulary.ToApi(d.Specialty),
            Urgency = ApiVocabulary.ToApi(d.Urgency),
            NextStep = ToText(d.NextStep),
            Facts = ToFacts(d.Facts),
            ModelVersion = d.ModelVersion,
            PolicyVersion = d.PolicyVersion,
            DecidedAt = Timestamp.FromDateTimeOffset(d.DecidedAt),
        };
        result.RedFlags.AddRange(d.RedFlags.Select(ToRedFlag));
        result.Reasons.AddRange(d.Reasons.Select(ToText));
        result.Questions.AddRange(d.Questions.Select(ToText));
        result.DispositionProbabilities.AddRange(d.DispositionProbabilities.OrderByDescending(p => p.Value).Select(p => new ClassProbability { Label = LabelNames.Of(p.Key), Probability = p.Value }));
        result.SpecialtyProbabilities.AddRange(d.SpecialtyProbabilities.OrderByDescending(p => p.Value).Select(p => new ClassProbability { Label = LabelNames.Of(p.Key), Probability = p.Value }));
        result.Explanation.AddRange(d.Explanation.Select(ToContribution));
        return result;
    }

    /// <summary>A recorded red flag as the API's message.</summary>
    public static RedFlag ToRedFlag(RedFlagRecord f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var flag = new RedFlag
        {
            Tag = ApiVocabulary.ToApi(f.Tag),
            Severity = ApiVocabulary.ToApi(f.Severity),
            Negated = !f.Affirmed,
            Status = ApiVocabulary.ToApi(f.Status),
            Source = ApiVocabulary.ToApi(f.Source),
            Evidence = new TextSpan { Start = f.Start, Length = f.Length, Text = f.Evidence },
        };
        if (f.Probability is { } p)
        {
            flag.Probability = p;
        }

        return flag;
    }

    /// <summary>A recorded alert as the API's message.</summary>
    public static VisitAlert ToAlert(Grains.Visits.VisitAlert a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var alert = new VisitAlert { Disposition = ApiVocabulary.ToApi(a.Disposition), SuggestedTermination = a.SuggestedTermination };
        alert.RedFlags.AddRange(a.RedFlags.Select(ApiVocabulary.ToApi));
        return alert;
    }

    /// <summary>A pushed change as the API's message.</summary>
    public static CaseNotice ToNotice(Grains.Feeds.CaseNotice n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return new CaseNotice
        {
            CaseId = n.CaseId.ToString(),
            Kind = (CaseNoticeKind)((int)n.Kind + 1),
            Sequence = n.Sequence,
            EventType = n.EventType,
            OccurredAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(n.At),
            Stage = (VisitStage)(int)n.Stage,
            Message = n.Message is { } m ? ToMessage(m) : null,
            Alert = n.Alert is { } a ? ToAlert(a) : null,
        };
    }

    private static VisitMessage ToMessage(Grains.Visits.VisitMessage m) => new() { From = m.From, Text = m.Text };

    /// <summary>A contribution as the API's message.</summary>
    public static Contribution ToContribution(ContributionRecord c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new Contribution { Feature = c.Feature, Target = c.Target, Weight = c.Weight };
    }

    private static Visit ToVisit(Grains.Visits.VisitView v)
    {
        var visit = new Visit
        {
            Stage = (VisitStage)(int)v.Stage,
            Hospital = v.Booking?.Hospital ?? string.Empty,
            Specialty = v.Booking is { } booking ? ApiVocabulary.ToApi(booking.Specialty) : Specialty.Unspecified,
            PhysicianId = v.PhysicianId,
            Diagnosis = v.Completion?.Diagnosis ?? string.Empty,
            FinalDisposition = v.Completion is { } done ? ApiVocabulary.ToApi(done.FinalDisposition) : Disposition.Unspecified,
            FinalSpecialty = v.Completion is { } completed ? ApiVocabulary.ToApi(completed.FinalSpecialty) : Specialty.Unspecified,
            TerminationReason = v.Termination?.Reason ?? string.Empty,
            TerminationNote = v.Termination?.Note ?? string.Empty,
            AlertAwaitsDecision = v.AlertAwaitsDecision,
            AlertsAcknowledged = v.AlertsAcknowledged,
        };
        visit.Alerts.AddRange(v.Alerts.Select(ToAlert));
        visit.Messages.AddRange(v.Messages.Select(ToMessage));
        visit.Prescriptions.AddRange(v.Prescriptions.Select(p =>
        {
            var rx = new Prescription { PhysicianId = p.PhysicianId, Signature = p.Signature, GuardianPresent = p.GuardianPresent, PhysicianPresent = p.PhysicianPresent };
            rx.Items.AddRange(p.Items.Select(i => new PrescriptionItem { Drug = i.Drug, DrugClass = i.DrugClass, Dosage = i.Dosage }));
            return rx;
        }));
        return visit;
    }

    /// <summary>A recorded event as the API's message.</summary>
    public static CaseEvent ToEvent(JournalEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new CaseEvent
        {
            Sequence = e.Sequence,
            Type = e.Type,
            OccurredAt = Timestamp.FromDateTimeOffset(e.OccurredAt),
            Actor = e.Actor,
            PayloadJson = e.Payload,
            PreviousHash = e.PreviousHash,
            Hash = e.Hash,
        };
    }

    private static LocalizedText ToText(LocalizedTextRecord t) => new() { Code = t.Code, Zh = t.Zh, En = t.En };

    /// <summary>Recorded facts as the API's message.</summary>
    public static Facts ToFacts(FactsRecord f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var facts = new Facts { Fever = f.Fever, Sex = ApiVocabulary.ToApi(f.Sex), Subject = ApiVocabulary.ToApi(f.Subject) };
        if (f.AgeMonths is { } age)
        {
            facts.AgeMonths = age;
        }

        if (f.TemperatureC is { } temperature)
        {
            facts.TemperatureC = temperature;
        }

        if (f.FeverDays is { } feverDays)
        {
            facts.FeverDays = feverDays;
        }

        if (f.DurationDays is { } duration)
        {
            facts.DurationDays = duration;
        }

        if (f.HeightCm is { } height)
        {
            facts.HeightCm = height;
        }

        if (f.WeightKg is { } weight)
        {
            facts.WeightKg = weight;
        }

        return facts;
    }

    private static Triage.Api.V1.Patient ToPatient(PatientDetails p)
    {
        var patient = new Triage.Api.V1.Patient
        {
            BirthDate = p.BirthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            Sex = ApiVocabulary.ToApi(p.Sex),
            Province = p.Province,
        };
        if (p.AgeDays is { } days)
        {
            patient.AgeDays = days;
        }

        if (p.AgeMonths is { } months)
        {
            patient.AgeMonths = months;
        }

        return patient;
    }
}
