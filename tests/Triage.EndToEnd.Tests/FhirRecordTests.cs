#nullable disable
// The Hl7 model's elements are all nullable: this file reads what the test just asserted is there.
using System.Net;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using Triage.Api.V1;
using Bundle = Hl7.Fhir.Model.Bundle;
using FhirPatient = Hl7.Fhir.Model.Patient;
using Patient = Triage.Api.V1.Patient;
using Task = System.Threading.Tasks.Task;

namespace Triage.EndToEnd.Tests;

/// <summary>GET /v1/cases/{id}/fhir: the case as an HL7 FHIR R4 Bundle, parsed and validated with the Hl7 library.</summary>
public class FhirRecordTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private const string Growth = "女儿5岁，身高105厘米，体重17公斤，比同班同学矮，想咨询怎么长高";

    private TriageServiceHost Host => fixture.Host;

    private async Task<(HttpStatusCode Status, string ContentType, string Body)> GetAsync(string caseId, string key)
    {
        using var response = await Host.Http.SendAsync(Host.Json(HttpMethod.Get, $"/v1/cases/{caseId}/fhir", apiKey: key));
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? string.Empty, await response.Content.ReadAsStringAsync());
    }

    // Parsed strictly, then every element checked against the R4 model's cardinalities and types.
    private static Bundle Parse(string json)
    {
        var deserializer = new FhirJsonDeserializer(new DeserializerSettings());
        Assert.True(deserializer.TryDeserializeResource(json, out var resource, out var issues), string.Join("; ", issues.Select(i => i.Message)));
        var bundle = Assert.IsType<Bundle>(resource);
        Assert.Empty(bundle.Validate(NarrativeValidationKind.FhirXhtml, null!));
        // Every reference inside the bundle names an entry of it.
        var urls = bundle.Entry.Select(e => e.FullUrl).ToHashSet();
        Assert.All(bundle.Entry.SelectMany(e => References(e.Resource)).Where(r => r.Reference is not null), r => Assert.Contains(r.Reference, urls));
        return bundle;
    }

    [Fact]
    public async Task CompletedGrowthVisit_IsABundleWithTheTriageTheMeasurementsTheDiagnosisAndTheirProvenance()
    {
        await VisitSteps.RegisterDoctorsAsync(Host);
        var caseId = await VisitSteps.BookedCaseAsync(Host, Growth, new Patient { AgeMonths = 60, Sex = Sex.Female });
        await VisitSteps.TakeAsync(Host, caseId, Specialty.Growth);
        var doctor = Host.Physician();
        var brief = await doctor.GetBriefAsync(new GetBriefRequest { CaseId = caseId });
        await doctor.StartConsultationAsync(new StartConsultationRequest { CaseId = caseId, RealNameCheck = RealNameChecks.For("doc-1", Host.Clock.GetUtcNow()) });
        var done = await doctor.CompleteVisitAsync(new CompleteVisitRequest { CaseId = caseId, Diagnosis = "家族性矮小可能", FinalDisposition = Disposition.Online, FinalSpecialty = Specialty.Growth });

        var (status, contentType, body) = await GetAsync(caseId, TriageServiceHost.KeyDoctor1);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/fhir+json", contentType);
        var bundle = Parse(body);
        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        var patient = Single<FhirPatient>(bundle);
        Assert.Equal(AdministrativeGender.Female, patient.Gender);
        Assert.Empty(patient.Name);
        var encounter = Single<Encounter>(bundle);
        Assert.Equal(Encounter.EncounterStatus.Finished, encounter.Status);
        Assert.Equal("VR", encounter.Class.Code);
        Assert.Equal("growth", encounter.ServiceType.Coding[0].Code);

        var triage = Single<RiskAssessment>(bundle);
        var method = triage.Method.Coding.ToDictionary(c => c.System, c => c.Code);
        Assert.Equal(done.Decision.ModelVersion, method["urn:triage:model-version"]);
        Assert.Equal(done.Decision.PolicyVersion, method["urn:triage:policy-version"]);
        Assert.Equal("online", triage.Prediction[0].Outcome.Coding[0].Code);

        var height = bundle.Entry.Select(e => e.Resource).OfType<Observation>().Single(o => o.Code.Coding[0].Code == "8302-2");
        Assert.Equal("http://loinc.org", height.Code.Coding[0].System);
        Assert.Equal(105m, ((Quantity)height.Value).Value);
        var z = Assert.Single(height.Component, c => c.Code.Coding[0].Code == "height_for_age");
        Assert.Equal((decimal)brief.GrowthScores.Single(s => s.Indicator == "height_for_age").Z, ((Quantity)z.Value).Value);
        Assert.Contains(bundle.Entry.Select(e => e.Resource).OfType<Observation>(), o => o.Code.Coding[0].Code == "29463-7");

        Assert.Equal("家族性矮小可能", Single<Condition>(bundle).Code.Text);
        var practitioner = Single<Practitioner>(bundle);
        Assert.Equal("doc-1", practitioner.Identifier[0].Value);
        var provenance = Single<Provenance>(bundle);
        Assert.Contains(provenance.Agent, a => a.Who.Reference == "urn:uuid:" + practitioner.Id && a.Type.Coding[0].Code == "author");
        Assert.Contains(provenance.Agent, a => a.Who.Reference == "urn:uuid:" + Single<Device>(bundle).Id);
        // Every clinical resource, not the agents (practitioner, device) nor the provenance itself.
        Assert.Equal(bundle.Entry.Count - 3, provenance.Target.Count);
        Assert.EndsWith(done.Events[^1].Hash, provenance.Entity[0].What.Identifier.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TerminatedAfterARedFlag_CarriesTheFlagWithItsWords_AndTheTermination()
    {
        await VisitSteps.RegisterDoctorsAsync(Host);
        var caseId = await VisitSteps.BookedCaseAsync(Host);
        await VisitSteps.TakeAsync(Host, caseId);
        var doctor = Host.Physician();
        await doctor.StartConsultationAsync(new StartConsultationRequest { CaseId = caseId, RealNameCheck = RealNameChecks.For("doc-1", Host.Clock.GetUtcNow()) });
        await Host.Grpc().SendParentMessageAsync(new ParentMessageRequest { CaseId = caseId, Text = "医生，孩子刚才突然抽搐了，叫不醒" });
        await doctor.TerminateVisitAsync(new TerminateVisitRequest { CaseId = caseId, Reason = "emergency", Note = "请立即到急诊" });

        var (status, _, body) = await GetAsync(caseId, TriageServiceHost.KeyAdmin);

        Assert.Equal(HttpStatusCode.OK, status);
        var bundle = Parse(body);
        var triage = Single<RiskAssessment>(bundle);
        Assert.Equal("emergency", triage.Prediction[0].Outcome.Coding[0].Code);
        var seizure = Assert.Single(triage.Prediction, p => p.Outcome.Coding[0].Code == "seizure");
        Assert.Contains("抽搐", seizure.Rationale, StringComparison.Ordinal);
        var encounter = Single<Encounter>(bundle);
        Assert.Equal("emergency", encounter.Hospitalization.DischargeDisposition.Coding[0].Code);
        Assert.Equal(Encounter.EncounterStatus.Finished, encounter.Status);
    }

    [Fact]
    public async Task Fhir_OfAnotherPhysiciansCase_IsNotFound_AndForABookingApp_IsForbidden()
    {
        await VisitSteps.RegisterDoctorsAsync(Host);
        var caseId = await VisitSteps.BookedCaseAsync(Host);
        await VisitSteps.TakeAsync(Host, caseId);

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(caseId, TriageServiceHost.KeyDoctor2)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(caseId, TriageServiceHost.KeyA)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync("not-a-case", TriageServiceHost.KeyAdmin)).Status);
        await Host.Physician().TerminateVisitAsync(new TerminateVisitRequest { CaseId = caseId, Reason = "unsuitable_online" });
    }

    private static IEnumerable<ResourceReference> References(Base node)
    {
        foreach (var (_, value) in node.EnumerateElements())
        {
            var items = value is System.Collections.IEnumerable list and not string ? list.Cast<object>() : [value];
            foreach (var child in items.OfType<Base>())
            {
                if (child is ResourceReference reference)
                {
                    yield return reference;
                }

                foreach (var nested in References(child))
                {
                    yield return nested;
                }
            }
        }
    }

    private static T Single<T>(Bundle bundle)
        where T : Resource => Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<T>());
}
