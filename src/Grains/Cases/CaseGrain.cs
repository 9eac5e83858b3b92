using System.Text.RegularExpressions;
using Triage.Domain.Decision;
using Triage.Domain.Evaluation;
using Triage.Domain.Facts;
using Triage.Grains.Journal;
using Triage.Grains.Patients;
using Triage.Grains.Storage;

namespace Triage.Grains.Cases;

/// <summary>
/// Owns one case. State is rebuilt from the journal on activation and changes only after the
/// journal accepted the events, so what a caller is told is exactly what was recorded.
/// </summary>
// A case is busy for minutes (assessed, perhaps answered or booked), then read now and then: kept in
// memory a minute after its last call rather than Orleans' default quarter of an hour, so that memory
// follows the rate of new cases, not the day's total. Its journal brings it back at the next call.
[CollectionAgeLimit(Minutes = 1)]
public sealed partial class CaseGrain(IJournal journal, SealedEventBodies bodies, EligibilityPolicy policy) : Grain, ICaseGrain, IIncomingGrainCallFilter
{
    private readonly List<JournalEntry> _events = [];
    private readonly List<string> _addedText = [];
    private CaseOpened? _opened;
    private PatientDetails _patient = new();
    private PatientSubject _subjectAnswer;
    private DecisionRecord? _decision;
    private long? _brokenAt;

    // A new case's first call is its opening: reading its (empty) journal first would cost a query per
    // assessment. Every other call reads the journal before it runs, once per activation.
    private bool _loaded;

    /// <inheritdoc />
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_loaded && context.ImplementationMethod.Name != nameof(OpenAsync))
        {
            await LoadAsync();
        }

        await context.Invoke();
    }

    private async Task LoadAsync()
    {
        var stored = await journal.ReadAsync(this.GetPrimaryKey());
        _loaded = true;
        // Verified once, as read from storage: events appended later are chained by this grain itself.
        _brokenAt = HashChain.FirstBroken(stored);
        _events.AddRange(stored);
        foreach (var e in stored)
        {
            try
            {
                Apply(e.Type, Parse(e));
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidDataException or NotSupportedException)
            {
                // An unreadable entry: the case is reported broken from there on, never answered with a 500.
                _brokenAt = Math.Min(_brokenAt ?? long.MaxValue, e.Sequence);
                break;
            }
        }

        if (Unreadable)
        {
            // Every entry read, yet no opening or no decision among them: the trail is broken from its start.
            _brokenAt ??= 1;
        }
    }

    /// <inheritdoc />
    public async Task<CaseView> OpenAsync(CaseOpened opened)
    {
        ArgumentNullException.ThrowIfNull(opened);
        if (_events.Count > 0)
        {
            throw new CaseAlreadyExistsException();
        }

        var now = policy.Clock.GetUtcNow();
        var openedEvent = HashChain.Next(null, CaseEventTypes.Opened, now, opened.AppId, bodies.Serialize(opened));
        var decision = Assess(opened.Complaint, [], opened.Patient, PatientSubject.Unknown, now);
        var assessedEvent = HashChain.Next(openedEvent, CaseEventTypes.Assessed, now, opened.AppId, bodies.Serialize(new CaseAssessed(decision)));
        try
        {
            // Expecting an empty journal: if this case exists after all, the append is refused and nothing is written.
            await StoreAsync(journal.AppendAsync(this.GetPrimaryKey(), 0, [openedEvent, assessedEvent]));
        }
        catch (JournalConflictException)
        {
            throw new CaseAlreadyExistsException();
        }

        _loaded = true;
        Apply(CaseEventTypes.Opened, opened);
        Apply(CaseEventTypes.Assessed, new CaseAssessed(decision));
        _events.AddRange([openedEvent, assessedEvent]);

        if (opened.PatientKey.Length > 0)
        {
            await GrainFactory.GetGrain<IPatientGrain>(opened.PatientKey).AddCaseAsync(this.GetPrimaryKey());
        }

        Release();
        return View(withJournal: false);
    }

    /// <inheritdoc />
    public async Task<CaseView?> AnswerAsync(AnswerQuestionsCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireReadable();
        if (_opened is null || _opened.AppId != command.AppId)
        {
            return null;
        }

        RequireIntact();
        var answered = WithAgeAnswer(command.Answered);
        var now = policy.Clock.GetUtcNow();
        var last = _events[^1];
        var answeredEvent = HashChain.Next(last, CaseEventTypes.Answered, now, command.AppId, bodies.Serialize(answered));
        var texts = _addedText.Concat(TextsOf(answered)).ToList();
        var decision = Assess(_opened.Complaint, texts, _patient.Update(answered.Patient), SubjectOf(answered) ?? _subjectAnswer, now);
        var assessedEvent = HashChain.Next(answeredEvent, CaseEventTypes.Assessed, now, command.AppId, bodies.Serialize(new CaseAssessed(decision)));
        await StoreAsync(journal.AppendAsync(this.GetPrimaryKey(), last.Sequence, [answeredEvent, assessedEvent]));
        Apply(CaseEventTypes.Answered, answered);
        Apply(CaseEventTypes.Assessed, new CaseAssessed(decision));
        _events.AddRange([answeredEvent, assessedEvent]);
        Release();
        return View(withJournal: false);
    }

    /// <inheritdoc />
    public Task<CaseView?> GetAsync(string appId)
    {
        RequireReadable();
        return Task.FromResult(_opened is not null && _opened.AppId == appId ? View() : null);
    }

    // After an assessment a case waits for a person: a parent answering questions or booking, minutes
    // to days later, or nobody. Its memory goes back as soon as the caller has the answer, and its
    // journal (two to four events, one indexed read) brings it back at the next call. Keeping cases
    // that still ask questions for their minute held about a sixth of all cases in memory at once and
    // grew the service by ~1.7 KB a case under sustained load (bench/memory.sh, 2026-12-03).
    private void Release() => this.DeactivateOnIdle();

    // An append that failed may still have committed (the database went away before answering), or
    // another activation wrote first: either way this one no longer knows its journal, so it is
    // dropped and the next call reads the journal again.
    private async Task StoreAsync(Task append)
    {
        try
        {
            await append;
        }
        catch
        {
            this.DeactivateOnIdle();
            throw;
        }
    }

    // A stored case whose opening or decision cannot be read.
    private bool Unreadable => _events.Count > 0 && (_opened is null || _decision is null);

    // Such a case is reported broken, never as absent or as an error.
    private void RequireReadable()
    {
        if (Unreadable)
        {
            throw Broken();
        }
    }

    // Nothing is ever chained onto a record that does not verify.
    private void RequireIntact()
    {
        if (_brokenAt is not null)
        {
            throw Broken();
        }
    }

    private BrokenJournalException Broken() =>
        new($"case: its stored trail is broken at event {_brokenAt}; it accepts no changes");

    private DecisionRecord Assess(string complaint, IReadOnlyList<string> added, PatientDetails patient, PatientSubject subject, DateTimeOffset now)
    {
        var input = ComplaintInput.Build(
            complaint,
            added,
            patient.AgeMonthsOn(BeijingCalendar.DateOf(now)),
            patient.Sex,
            patient.GuardianPresent,
            patient.PreferredHospital,
            subject);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var decision = policy.Assess(input);
        Telemetry.TriageMetrics.Decided(LabelNames.Of(decision.Disposition), decision.ModelVersion, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return DecisionRecord.From(decision);
    }

    // An answer to the age question becomes a structured age unless the app sent one itself.
    private static CaseAnswered WithAgeAnswer(CaseAnswered answered)
    {
        var patient = answered.Patient ?? new PatientDetails();
        if (patient.AgeDays is not null || patient.AgeMonths is not null || patient.BirthDate is not null)
        {
            return answered;
        }

        foreach (var a in answered.Answers.Where(a => a.QuestionId == DecisionTexts.AskAge.Code))
        {
            if (FactExtractor.ReadAgeAnswer(a.Text) is { } months)
            {
                return answered with { Patient = patient with { AgeDays = AgeUnits.DaysFromMonths(months) } };
            }
        }

        return answered;
    }

    private static PatientSubject? SubjectOf(CaseAnswered answered)
    {
        foreach (var a in answered.Answers.Where(a => a.QuestionId == DecisionTexts.AskSubject.Code))
        {
            if (No().IsMatch(a.Text))
            {
                return PatientSubject.Adult;
            }

            if (Yes().IsMatch(a.Text))
            {
                return PatientSubject.Child;
            }
        }

        return null;
    }

    private static IEnumerable<string> TextsOf(CaseAnswered answered) =>
        answered.Answers.Select(a => a.Text).Append(answered.AddedText).Where(t => !string.IsNullOrWhiteSpace(t));

    // The typed body of a stored event: parsed once, on activation; new events are applied as they are.
    private object? Parse(JournalEntry e) => e.Type switch
    {
        CaseEventTypes.Opened => bodies.Deserialize<CaseOpened>(e.Payload),
        CaseEventTypes.Answered => bodies.Deserialize<CaseAnswered>(e.Payload),
        CaseEventTypes.Assessed => bodies.Deserialize<CaseAssessed>(e.Payload),
        _ => ParseVisit(e),
    };

    private void Apply(string type, object? body)
    {
        switch (body)
        {
            case CaseOpened opened when type == CaseEventTypes.Opened:
                _opened = opened;
                _patient = opened.Patient;
                break;
            case CaseAnswered answered when type == CaseEventTypes.Answered:
                _patient = _patient.Update(answered.Patient);
                _subjectAnswer = SubjectOf(answered) ?? _subjectAnswer;
                _addedText.AddRange(TextsOf(answered));
                break;
            case CaseAssessed assessed when type == CaseEventTypes.Assessed:
                _decision = assessed.Decision;
                break;
            default:
                ApplyVisit(type, body);
                break;
        }
    }

    // Opening and answering are answered with the decision alone: the journal travels only to the calls that show it.
    private CaseView View(bool withJournal = true) => new()
    {
        CaseId = this.GetPrimaryKey(),
        Complaint = _opened!.Complaint,
        Patient = _patient,
        Decision = _decision!,
        Events = withJournal ? [.. _events] : [],
        ChainValid = _brokenAt is null,
        CreatedAt = _events[0].OccurredAt,
        Visit = _visit,
        PatientKey = _opened.PatientKey,
    };

    [GeneratedRegex(@"^\s*(?:不是|否|不|no|n)\b?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex No();

    [GeneratedRegex(@"^\s*(?:是|对|嗯|yes|y)\b?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Yes();
}
