using System.Text.RegularExpressions;
using Triage.Domain.Classification;
using Triage.Domain.Facts;
using Triage.Domain.Growth;
using Triage.Domain.RedFlags;
using Triage.Domain.Text;
using Triage.Domain.Vocabulary;

namespace Triage.Domain.Decision;

/// <summary>
/// The triage policy (§2): reads the complaint, lets red flags and the pilot's rules decide
/// what they decide, and leaves to the classifier only what rules cannot: which specialty,
/// and whether a stable-looking complaint still needs an examination. Priority:
/// emergency &gt; offline &gt; needs_info &gt; online / out_of_scope.
/// </summary>
public sealed partial class EligibilityPolicy
{
    private readonly IClassifierSource _classifiers;
    private readonly PilotOptions _pilot;
    private readonly TimeProvider _time;
    private readonly Specialty[] _specialties;

    /// <summary>
    /// Creates the policy over a classifier, the pilot's settings, the WHO growth references and the
    /// reviewed clinical vocabulary (the one shipped beside the binaries when not given).
    /// </summary>
    public EligibilityPolicy(IComplaintClassifier classifier, PilotOptions pilot, TimeProvider time, GrowthReference growth, ClinicalVocabulary? vocabulary = null)
        : this(new FixedClassifierSource(classifier), pilot, time, growth, vocabulary)
    {
    }

    /// <summary>
    /// Creates the policy over a source of classifiers (the served model, which may be swapped), the
    /// pilot's settings, the WHO growth references and the reviewed clinical vocabulary.
    /// </summary>
    public EligibilityPolicy(IClassifierSource classifiers, PilotOptions pilot, TimeProvider time, GrowthReference growth, ClinicalVocabulary? vocabulary = null)
    {
        Growth = growth ?? throw new ArgumentNullException(nameof(growth));
        Vocabulary = vocabulary ?? ClinicalVocabulary.Default;
        _classifiers = classifiers ?? throw new ArgumentNullException(nameof(classifiers));
        _pilot = pilot ?? throw new ArgumentNullException(nameof(pilot));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _specialties = [.. pilot.Specialties];
        PolicyVersion = $"{pilot.PolicyVersion}+{Vocabulary.Version}+lexicon-{KeywordLexicon.Version}";
    }

    /// <summary>The pilot's settings the policy decides by.</summary>
    public PilotOptions Pilot => _pilot;

    /// <summary>The WHO growth references the measurements are read against.</summary>
    public GrowthReference Growth { get; }

    /// <summary>The clinical vocabulary: spellings, red-flag words and their exceptions.</summary>
    public ClinicalVocabulary Vocabulary { get; }

    /// <summary>The clock the policy decides by (Beijing dates for the pilot period, decision times).</summary>
    public TimeProvider Clock => _time;

    /// <summary>Today's Beijing date by the policy's clock.</summary>
    public DateOnly Today => BeijingCalendar.DateOf(_time.GetUtcNow());

    /// <summary>
    /// The policy version recorded with each decision: the pilot's rules, the red-flag vocabulary's version
    /// and the specialty lexicon's (it tells whether a concern in a pilot specialty is known).
    /// </summary>
    public string PolicyVersion { get; }

    /// <summary>The classifier version recorded with each decision.</summary>
    public string ModelVersion => _classifiers.Current.Version;

    /// <summary>The classifier a decision starting now uses.</summary>
    public IComplaintClassifier Classifier => _classifiers.Current;

    /// <summary>Decides one complaint. Pure apart from the clock: the same input at the same time gives the same decision.</summary>
    public TriageDecision Assess(ComplaintInput input)
    {
        var classifier = _classifiers.Current;
        return Decide(Prepare(input, classifier), input, classifier.Thresholds, _time.GetUtcNow());
    }

    /// <summary>Reads the complaint and scores it with <paramref name="classifier"/> (the current one when null).</summary>
    public PreparedComplaint Prepare(ComplaintInput input, IComplaintClassifier? classifier = null)
    {
        classifier ??= _classifiers.Current;
        var reading = Read(input);
        return new PreparedComplaint(reading, classifier.Classify(reading), classifier.Version);
    }

    /// <summary>What the rules read off a complaint before any classifier: training featurizes exactly this.</summary>
    public ComplaintReading Read(ComplaintInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = Vocabulary.Normalize(input.Text);
        var facts = Merge(FactExtractor.Extract(text, Vocabulary), input);
        return new ComplaintReading(text, facts, RedFlagDetector.Detect(text, facts, Vocabulary, Growth), KeywordLexicon.Matches(text.Value));
    }

    /// <summary>
    /// The policy proper: decides a prepared complaint with the given thresholds. Cheap, so that
    /// threshold tuning can replay it over a whole data set.
    /// </summary>
    public TriageDecision Decide(PreparedComplaint prepared, ComplaintInput input, DecisionThresholds thresholds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(thresholds);
        var (reading, classification, modelVersion) = prepared;
        var (text, facts, words, _) = reading;
        var specialty = ChooseSpecialty(classification, thresholds.Specialty);
        var flags = WithLearnedFlags(words, classification, thresholds.RedFlag);
        var affirmed = flags.Where(f => f.Affirmed).ToList();

        var reasons = new List<LocalizedText>();
        var questions = new List<LocalizedText>();
        Disposition disposition;
        Urgency urgency = Urgency.Routine;
        LocalizedText next;

        // A red flag makes the case an emergency whatever the specialty and the age, adults included; so
        // does a model that rates an emergency likely enough, since missing one is the worst error.
        var emergencyFlags = affirmed.Where(f => f.Severity == RedFlagSeverity.Emergency).ToList();
        if (emergencyFlags.Count > 0 || classification.EmergencyScore >= thresholds.Emergency)
        {
            disposition = Disposition.Emergency;
            urgency = Urgency.Immediate;
            // An adult's emergency is about none of the children's specialties (§2: emergency with specialty other).
            specialty = facts.Subject == PatientSubject.Adult ? Specialty.Other : specialty;
            reasons.AddRange(emergencyFlags.Select(Reason));
            if (emergencyFlags.Count == 0)
            {
                reasons.Add(DecisionTexts.ModelEmergency(classification.EmergencyRisk ?? classification.Probability(Disposition.Emergency)));
            }

            next = DecisionTexts.CallEmergency;
        }
        else if (facts.Subject == PatientSubject.Adult)
        {
            disposition = Disposition.OutOfScope;
            reasons.Add(DecisionTexts.Reason("adult"));
            next = DecisionTexts.UseUsualChannels;
        }
        else if (affirmed.Count > 0)
        {
            disposition = Disposition.Offline;
            urgency = Urgency.Soon;
            reasons.AddRange(affirmed.Select(Reason));
            next = DecisionTexts.BookInPersonSoon;
        }
        else if (!classification.HasClinicalContent)
        {
            if (facts.Subject == PatientSubject.Child)
            {
                disposition = Disposition.NeedsInfo;
                reasons.Add(DecisionTexts.Reason("symptom_unknown"));
                questions.Add(DecisionTexts.AskSymptom);
                next = DecisionTexts.AnswerQuestions;
            }
            else
            {
                disposition = Disposition.OutOfScope;
                reasons.Add(DecisionTexts.Reason("no_clinical_content"));
                next = DecisionTexts.UseUsualChannels;
            }
        }
        else if (facts.Fever && facts.AgeMonths is null && InfantCue().IsMatch(text.Value))
        {
            // An infant's fever is an emergency under 3 months: without the age we cannot rule it out.
            disposition = Disposition.NeedsInfo;
            reasons.Add(DecisionTexts.Reason("fever_age_unknown"));
            questions.Add(DecisionTexts.AskAge);
            if (facts.TemperatureC is null)
            {
                questions.Add(DecisionTexts.AskTemperature);
            }

            next = DecisionTexts.AnswerQuestions;
        }
        else if (specialty == Specialty.Other)
        {
            disposition = Disposition.OutOfScope;
            reasons.Add(DecisionTexts.SpecialtyReason(specialty, eligible: false));
            next = DecisionTexts.UseUsualChannels;
        }
        else if (facts.Subject == PatientSubject.Unknown)
        {
            disposition = Disposition.NeedsInfo;
            reasons.Add(DecisionTexts.Reason("subject_unknown"));
            questions.Add(DecisionTexts.AskSubject);
            questions.Add(DecisionTexts.AskAge);
            if (facts.DurationDays is null)
            {
                questions.Add(DecisionTexts.AskDuration);
            }

            next = DecisionTexts.AnswerQuestions;
        }
        else if (!reading.PilotConcern)
        {
            // Age and sex alone never make a case online (§2): a symptom or concern in the specialty must be
            // known. Asked before the model's in-person thresholds: without a concern there is nothing for an
            // examination to be about yet, and "孩子不舒服" answered with "3岁" must ask what the problem is.
            disposition = Disposition.NeedsInfo;
            reasons.Add(DecisionTexts.Reason("symptom_unknown"));
            questions.Add(DecisionTexts.AskSymptom);
            next = DecisionTexts.AnswerQuestions;
        }
        else if (classification.Probability(Disposition.Offline) >= thresholds.Offline)
        {
            disposition = Disposition.Offline;
            reasons.Add(DecisionTexts.Reason("needs_examination"));
            next = DecisionTexts.BookInPerson;
        }
        else if (classification.Probability(Disposition.Online) < thresholds.Online)
        {
            // In doubt between online and offline, the policy chooses offline.
            disposition = Disposition.Offline;
            reasons.Add(DecisionTexts.Reason("model_uncertain"));
            next = DecisionTexts.BookInPerson;
        }
        else if (!IsPilotActive(now))
        {
            disposition = Disposition.Offline;
            reasons.Add(DecisionTexts.Reason("pilot_inactive"));
            next = DecisionTexts.BookInPerson;
        }
        else
        {
            disposition = Disposition.Online;
            reasons.Add(DecisionTexts.SpecialtyReason(specialty, eligible: true));
            reasons.Add(DecisionTexts.Reason("guardian_required"));
            if (facts.AgeMonths is < 72)
            {
                reasons.Add(DecisionTexts.Reason("under_six"));
            }

            next = input.GuardianPresent != true ? DecisionTexts.ConfirmGuardian
                : !OffersOnline(input.PreferredHospital, specialty) ? DecisionTexts.ChoosePilotHospital
                : DecisionTexts.BookOnline;
        }

        return new TriageDecision
        {
            Disposition = disposition,
            Specialty = specialty,
            Urgency = urgency,
            RedFlags = flags,
            Reasons = reasons,
            Questions = questions,
            NextStep = next,
            Classification = classification,
            Explanation = classification.Explain(disposition),
            Facts = facts,
            ModelVersion = modelVersion,
            PolicyVersion = PolicyVersion,
            DecidedAt = now,
        };
    }

    /// <summary>
    /// The vocabulary's and the measurements' flags, and the learned flags the model rates at or above
    /// <paramref name="threshold"/> for tags whose words were not found at all (found and judged denied,
    /// past or someone else's, the words win).
    /// </summary>
    public static IReadOnlyList<RedFlagFinding> WithLearnedFlags(IReadOnlyList<RedFlagFinding> words, ComplaintClassification classification, double threshold)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(classification);
        if (classification.RedFlags.Count == 0 || threshold > 1)
        {
            return words;
        }

        List<RedFlagFinding>? learned = null;
        foreach (var tag in RedFlagTags.Worded)
        {
            var p = classification.Probability(tag);
            if (p >= threshold && !words.Any(f => f.Tag == tag))
            {
                (learned ??= []).Add(new RedFlagFinding(tag, new TextSpan(0, 0, string.Empty)) { Source = RedFlagSource.Model, Probability = Math.Round(p, 4) });
            }
        }

        return learned is null ? words : [.. words.Where(f => f.Affirmed), .. learned, .. words.Where(f => !f.Affirmed)];
    }

    private static LocalizedText Reason(RedFlagFinding flag) => DecisionTexts.RedFlagReason(flag.Tag, flag.Source == RedFlagSource.Model ? flag.Probability : null);

    /// <summary>True when online first visits may be booked on the Beijing date of <paramref name="now"/>.</summary>
    public bool IsPilotActive(DateTimeOffset now)
    {
        var today = BeijingCalendar.DateOf(now);
        return today >= _pilot.Start && today <= _pilot.End;
    }

    /// <summary>True when <paramref name="hospital"/> is a pilot hospital offering <paramref name="specialty"/> online.</summary>
    public bool HospitalOffers(string hospital, Specialty specialty) =>
        _pilot.Hospitals.Any(h => string.Equals(h.Code, hospital, StringComparison.OrdinalIgnoreCase) && h.Specialties.Contains(specialty));

    // No preference is no obstacle: the app lets the parent choose a pilot hospital when booking.
    private bool OffersOnline(string? hospital, Specialty specialty) =>
        string.IsNullOrEmpty(hospital) || HospitalOffers(hospital, specialty);

    // The most probable of the pilot's specialties, when it reaches the threshold; with no threshold, when it beats "other".
    private Specialty ChooseSpecialty(ComplaintClassification classification, double threshold)
    {
        var best = Specialty.Other;
        var bestP = threshold > 0 ? threshold : classification.Probability(Specialty.Other);
        foreach (var s in _specialties)
        {
            var p = classification.Probability(s);
            if (p > bestP || (threshold > 0 && p >= threshold && best == Specialty.Other))
            {
                best = s;
                bestP = p;
            }
        }

        return best;
    }

    private ComplaintFacts Merge(ComplaintFacts fromText, ComplaintInput input)
    {
        var facts = fromText;
        if (input.AgeMonths is { } months)
        {
            facts = facts with
            {
                AgeMonths = months,
                AgeEvidence = null,
                Subject = months >= _pilot.MaxAgeYears * 12 ? PatientSubject.Adult : PatientSubject.Child,
            };
        }
        else if (facts.AgeMonths is { } textMonths && facts.Subject == PatientSubject.Child && textMonths >= _pilot.MaxAgeYears * 12)
        {
            facts = facts with { Subject = PatientSubject.Adult };
        }

        else if (input.Subject != PatientSubject.Unknown && facts.Subject == PatientSubject.Unknown)
        {
            facts = facts with { Subject = input.Subject };
        }

        if (input.Sex != Sex.Unknown)
        {
            facts = facts with { Sex = input.Sex };
        }

        return facts;
    }

    [GeneratedRegex(@"婴儿|新生儿|小宝宝|宝宝|月子|\bbaby\b|\binfant|\bnewborn", RegexOptions.CultureInvariant)]
    private static partial Regex InfantCue();
}
