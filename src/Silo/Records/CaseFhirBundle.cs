using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using Triage.Domain.Growth;
using Triage.Grains.Cases;
using Triage.Grains.Visits;
using Triage.Silo.Api;
using FhirSex = Hl7.Fhir.Model.AdministrativeGender;

namespace Triage.Silo.Records;

/// <summary>
/// A case as an HL7 FHIR R4 Bundle for the hospital's record system: built from the case journal's
/// view alone (one source of truth), with every code system of ours named by a <c>urn:triage:</c>
/// URI and the measurements under their LOINC codes.
/// </summary>
public static class CaseFhirBundle
{
    /// <summary>The service's own code systems and identifiers.</summary>
    public const string System = "urn:triage:";

    private const string Loinc = "http://loinc.org";
    private const string Ucum = "http://unitsofmeasure.org";

    /// <summary>
    /// The Bundle of <paramref name="view"/>: the measurements the parent stated, with the WHO
    /// z-scores of <paramref name="zScores"/> as their components; recorded at <paramref name="now"/>.
    /// </summary>
    public static Bundle Build(CaseView view, IReadOnlyList<GrowthZScore> zScores, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(zScores);
        var d = view.Decision;
        var visit = view.Visit;
        var patient = new Patient { Id = Id(view, "patient"), Gender = Gender(view.Patient.Sex) };
        if (view.PatientKey.Length > 0)
        {
            patient.Identifier.Add(new Identifier(System + "patient-pseudonym", view.PatientKey));
        }

        if (view.Patient.BirthDate is { } born)
        {
            patient.BirthDate = born.ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture);
        }

        var service = new Device
        {
            Id = Id(view, "device"),
            DeviceName = [new Device.DeviceNameComponent { Name = "Beijing internet first-visit pilot triage service", Type = DeviceNameType.UserFriendlyName }],
            Version =
            [
                new Device.VersionComponent { Type = new CodeableConcept(System + "version", "model"), Value = d.ModelVersion },
                new Device.VersionComponent { Type = new CodeableConcept(System + "version", "policy"), Value = d.PolicyVersion },
            ],
        };

        Practitioner? physician = visit.PhysicianId.Length > 0
            ? new Practitioner { Id = Id(view, "practitioner"), Identifier = [new Identifier(System + "physician-id", visit.PhysicianId)] }
            : null;

        var encounter = Encounter(view, patient, physician);
        var triage = RiskAssessment(view, patient, encounter, service);
        var observations = Measurements(view, zScores, patient, encounter);
        Condition? diagnosis = visit.Completion is { } done
            ? new Condition
            {
                Id = Id(view, "condition"),
                ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
                VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
                Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-category", "encounter-diagnosis")],
                Code = new CodeableConcept { Text = done.Diagnosis },
                Subject = Ref(patient),
                Encounter = Ref(encounter),
                Asserter = physician is null ? null : Ref(physician),
            }
            : null;
        if (diagnosis is not null)
        {
            encounter.Diagnosis.Add(new Encounter.DiagnosisComponent { Condition = Ref(diagnosis) });
        }

        var recorded = new List<Resource> { patient, encounter, triage };
        recorded.AddRange(observations);
        if (diagnosis is not null)
        {
            recorded.Add(diagnosis);
        }

        var provenance = new Provenance
        {
            Id = Id(view, "provenance"),
            Target = [.. recorded.Select(Ref)],
            Recorded = now,
            Agent =
            [
                new Provenance.AgentComponent { Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "assembler"), Who = Ref(service) },
            ],
            // The journal's head: the record is what the hash-chained case journal says up to this entry.
            Entity =
            [
                new Provenance.EntityComponent
                {
                    Role = Provenance.ProvenanceEntityRole.Source,
                    What = new ResourceReference { Identifier = new Identifier(System + "case-journal", $"{view.CaseId:N}#{view.Events.LastOrDefault()?.Sequence}:{view.Events.LastOrDefault()?.Hash}"), Display = "case journal" },
                },
            ],
        };
        if (physician is not null)
        {
            provenance.Agent.Insert(0, new Provenance.AgentComponent { Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "author"), Who = Ref(physician) });
        }

        var bundle = new Bundle { Type = Bundle.BundleType.Collection, Timestamp = now, Identifier = new Identifier(System + "case", view.CaseId.ToString("N")) };
        // The clinical resources (the patient first), then who made them, then the provenance.
        var agents = physician is null ? new Resource[] { service } : [physician, service];
        foreach (var resource in recorded.Concat(agents).Append(provenance))
        {
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = FullUrl(resource), Resource = resource });
        }

        return bundle;
    }

    private static Encounter Encounter(CaseView view, Patient patient, Practitioner? physician)
    {
        var visit = view.Visit;
        var started = view.Events.FirstOrDefault(e => e.Type == VisitEventTypes.Started)?.OccurredAt;
        var ended = view.Events.LastOrDefault(e => e.Type is VisitEventTypes.Completed or VisitEventTypes.Terminated)?.OccurredAt;
        var encounter = new Encounter
        {
            Id = Id(view, "encounter"),
            Status = visit.Stage switch
            {
                VisitStage.None or VisitStage.Booked => Hl7.Fhir.Model.Encounter.EncounterStatus.Planned,
                VisitStage.Assigned => Hl7.Fhir.Model.Encounter.EncounterStatus.Arrived,
                VisitStage.InConsultation => Hl7.Fhir.Model.Encounter.EncounterStatus.InProgress,
                VisitStage.Completed => Hl7.Fhir.Model.Encounter.EncounterStatus.Finished,
                // Ended early and sent in person: it took place if the consultation had started.
                _ => started is null ? Hl7.Fhir.Model.Encounter.EncounterStatus.Cancelled : Hl7.Fhir.Model.Encounter.EncounterStatus.Finished,
            },
            Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "VR", "virtual"),
            Type = [new CodeableConcept(System + "encounter-type", "internet-first-visit", "互联网首诊 internet first visit")],
            Subject = Ref(patient),
            Period = new Period { Start = (started ?? view.CreatedAt).ToString("o"), End = ended?.ToString("o") },
            ReasonCode = [new CodeableConcept { Text = view.Complaint }],
        };
        if (visit.Booking is { } booking)
        {
            encounter.ServiceType = new CodeableConcept(System + "specialty", ApiVocabulary.Name(ApiVocabulary.ToApi(booking.Specialty)));
            encounter.ServiceProvider = new ResourceReference { Identifier = new Identifier(System + "hospital", booking.Hospital) };
        }

        if (physician is not null)
        {
            encounter.Participant.Add(new Encounter.ParticipantComponent { Individual = Ref(physician) });
        }

        if (visit.Termination is { } termination)
        {
            encounter.Hospitalization = new Encounter.HospitalizationComponent
            {
                DischargeDisposition = new CodeableConcept(System + "termination-reason", termination.Reason) { Text = termination.Note },
            };
        }

        return encounter;
    }

    private static RiskAssessment RiskAssessment(CaseView view, Patient patient, Encounter encounter, Device service)
    {
        var d = view.Decision;
        var triage = new RiskAssessment
        {
            Id = Id(view, "risk-assessment"),
            Status = ObservationStatus.Final,
            Code = new CodeableConcept(System + "assessment", "triage", "分诊 triage for an internet first visit"),
            Subject = Ref(patient),
            Encounter = Ref(encounter),
            Occurrence = new FhirDateTime(d.DecidedAt),
            Performer = Ref(service),
            Method = new CodeableConcept
            {
                Coding = [new Coding(System + "model-version", d.ModelVersion), new Coding(System + "policy-version", d.PolicyVersion)],
            },
        };
        triage.Prediction.Add(new RiskAssessment.PredictionComponent
        {
            Outcome = new CodeableConcept(System + "disposition", ApiVocabulary.Name(ApiVocabulary.ToApi(d.Disposition))) { Text = ApiVocabulary.Name(ApiVocabulary.ToApi(d.Specialty)) },
            Probability = d.DispositionProbabilities.TryGetValue(d.Disposition, out var p) ? new FhirDecimal((decimal)Math.Round(p, 4)) : null,
            Rationale = string.Join("; ", d.Reasons.Select(r => r.Zh)),
        });
        foreach (var flag in d.RedFlags.Where(f => f.Affirmed))
        {
            triage.Prediction.Add(new RiskAssessment.PredictionComponent
            {
                Outcome = new CodeableConcept(System + "red-flag", ApiVocabulary.Name(ApiVocabulary.ToApi(flag.Tag))),
                Probability = flag.Probability is { } q ? new FhirDecimal((decimal)Math.Round(q, 4)) : null,
                Rationale = flag.Evidence.Length > 0 ? flag.Evidence : ApiVocabulary.Name(ApiVocabulary.ToApi(flag.Source)),
            });
        }

        return triage;
    }

    // What the parent stated, under LOINC's codes; the WHO z-scores of each as its components.
    private static List<Observation> Measurements(CaseView view, IReadOnlyList<GrowthZScore> zScores, Patient patient, Encounter encounter)
    {
        var facts = view.Decision.Facts;
        var bmi = facts.HeightCm is { } h && facts.WeightKg is { } w && h > 0 ? Math.Round(w / (h / 100 * (h / 100)), 1) : (double?)null;
        var measures = new (string Name, string Loinc, string Display, double? Value, string Unit, GrowthIndicator[] Indicators)[]
        {
            ("height", "8302-2", "Body height", facts.HeightCm, "cm", [GrowthIndicator.HeightForAge]),
            ("weight", "29463-7", "Body weight", facts.WeightKg, "kg", [GrowthIndicator.WeightForAge, GrowthIndicator.WeightForLength, GrowthIndicator.WeightForHeight]),
            ("bmi", "39156-5", "Body mass index (BMI) [Ratio]", bmi, "kg/m2", [GrowthIndicator.BmiForAge]),
        };
        var observations = new List<Observation>();
        foreach (var (name, loinc, display, value, unit, indicators) in measures)
        {
            if (value is not { } v)
            {
                continue;
            }

            var observation = new Observation
            {
                Id = Id(view, "observation-" + name),
                Status = ObservationStatus.Final,
                Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs")],
                Code = new CodeableConcept(Loinc, loinc, display),
                Subject = Ref(patient),
                Encounter = Ref(encounter),
                Effective = new FhirDateTime(view.Decision.DecidedAt),
                Value = new Quantity((decimal)v, unit, Ucum),
                Method = new CodeableConcept { Text = "stated by the parent in the complaint" },
            };
            foreach (var z in zScores.Where(s => indicators.Contains(s.Indicator)))
            {
                observation.Component.Add(new Observation.ComponentComponent
                {
                    Code = new CodeableConcept(System + "who-z-score", ApiVocabulary.Name(z.Indicator), $"{z.Reference} z-score, {ApiVocabulary.Name(z.Indicator)}, {z.Sex.ToString().ToLowerInvariant()}"),
                    Value = new Quantity((decimal)z.Z, "1", Ucum),
                });
            }

            observations.Add(observation);
        }

        return observations;
    }

    private static FhirSex? Gender(Domain.Facts.Sex sex) => sex switch
    {
        Domain.Facts.Sex.Female => FhirSex.Female,
        Domain.Facts.Sex.Male => FhirSex.Male,
        _ => FhirSex.Unknown,
    };

    // Stable ids: the same case gives the same resource ids in every export.
    private static string Id(CaseView view, string resource)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{view.CaseId:N}/{resource}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    private static string FullUrl(Resource resource) => "urn:uuid:" + resource.Id;

    private static ResourceReference Ref(Resource resource) => new(FullUrl(resource));
}
