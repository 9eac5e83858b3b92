using System.Globalization;
using System.Net;
using System.Text.Json;
using Grpc.Core;
using Triage.Api.V1;

namespace Triage.EndToEnd.Tests;

/// <summary>The physician's and the administrator's calls, end to end over gRPC and JSON on loopback.</summary>
public class PhysicianApiTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private const string Eczema = VisitSteps.Eczema;

    private TriageServiceHost Host => fixture.Host;

    private string Day(int years = 0, int days = 0) => Day(Host.Clock, years, days);

    private static string Day(TimeProvider clock, int years = 0, int days = 0) =>
        DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(years).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private RegisterPhysicianRequest Registration(string id, string hospital = "BCH", string title = "attending") => Registration(Host.Clock, id, hospital, title);

    internal static RegisterPhysicianRequest Registration(TimeProvider clock, string id, string hospital = "BCH", string title = "attending")
    {
        string Day(int years = 0, int days = 0) => PhysicianApiTests.Day(clock, years, days);

        var r = new RegisterPhysicianRequest
        {
            PhysicianId = id,
            LicenceNumber = "110000000000001",
            LicenceValidUntil = Day(years: 2),
            Hospital = hospital,
            Title = title,
            IndependentPracticeSince = Day(years: -5),
            InternetFollowUpSince = Day(years: -2),
            TrainingPassedOn = Day(days: -30),
        };
        r.LicenceSpecialties.AddRange([Specialty.Dermatology, Specialty.Growth]);
        return r;
    }

    private Task<string> BookedCaseAsync(string complaint = Eczema, Patient? patient = null) => VisitSteps.BookedCaseAsync(Host, complaint, patient);

    private Task TakeAsync(string caseId, Specialty specialty = Specialty.Dermatology, string key = TriageServiceHost.KeyDoctor1) => VisitSteps.TakeAsync(Host, caseId, specialty, key);

    private Task RegisterDoctorsAsync() => VisitSteps.RegisterDoctorsAsync(Host);

    [Fact]
    public async Task RegisterPhysician_OverJson_ReturnsTheStandingAndTheAudit()
    {
        var body = JsonSerializer.Serialize(new
        {
            physicianId = "doc-json",
            licenceNumber = "110000000000009",
            licenceSpecialties = new[] { "nutrition" },
            hospital = "CCCH",
            title = "resident",
            independentPracticeSince = Day(years: -1),
            internetFollowUpSince = Day(years: -1),
            trainingPassedOn = Day(days: -1),
        });
        using var response = await Host.Http.SendAsync(Host.Json(HttpMethod.Post, "/v1/admin/physicians", body, TriageServiceHost.KeyAdmin));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(doc.RootElement.GetProperty("whitelisted").GetBoolean());
        var failures = doc.RootElement.GetProperty("failures").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Contains(failures, f => f.StartsWith("title:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("independent_practice:", StringComparison.Ordinal));
        Assert.Equal("ops", doc.RootElement.GetProperty("events")[0].GetProperty("actor").GetString());
    }

    [Theory]
    [InlineData("""{"physicianId":"doc 1","licenceNumber":"1","licenceSpecialties":["growth"],"hospital":"BCH","title":"chief"}""", "physician_id")]
    [InlineData("""{"physicianId":"doc-x","licenceNumber":"1","licenceSpecialties":["cardiology"],"hospital":"BCH","title":"chief"}""", "licence_specialties[0]")]
    [InlineData("""{"physicianId":"doc-x","licenceNumber":"1","licenceSpecialties":["other"],"hospital":"BCH","title":"chief"}""", "licence_specialties[0]")]
    [InlineData("""{"physicianId":"doc-x","licenceNumber":"1","licenceSpecialties":["growth"],"hospital":"BCH","title":"intern"}""", "title")]
    [InlineData("""{"physicianId":"doc-x","licenceNumber":"1","licenceSpecialties":["growth"],"hospital":"BCH","title":"chief","trainingPassedOn":"2026-13-01"}""", "training_passed_on")]
    public async Task RegisterPhysician_BadField_Is400NamingIt(string body, string field)
    {
        using var response = await Host.Http.SendAsync(Host.Json(HttpMethod.Post, "/v1/admin/physicians", body, TriageServiceHost.KeyAdmin));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.True(problem.Contains(field, StringComparison.Ordinal), problem);
    }

    [Fact]
    public async Task PhysicianAdmin_WithABookingAppKey_IsForbidden()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => Host.PhysicianAdmin(TriageServiceHost.KeyA).RegisterPhysicianAsync(Registration("doc-9")).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
    }

    [Fact]
    public async Task Visit_EndToEnd_BookTakeBriefStartAlertTerminate()
    {
        await RegisterDoctorsAsync();
        var caseId = await BookedCaseAsync();
        await TakeAsync(caseId);
        var doctor = Host.Physician();

        // Another physician, and the booking app's own reads, see only what is theirs.
        var other = await Assert.ThrowsAsync<RpcException>(() => Host.Physician(TriageServiceHost.KeyDoctor2).GetVisitCaseAsync(new GetVisitCaseRequest { CaseId = caseId }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, other.StatusCode);

        var brief = await doctor.GetBriefAsync(new GetBriefRequest { CaseId = caseId });
        Assert.Equal(Specialty.Dermatology, brief.Specialty);
        Assert.Equal(Disposition.Online, brief.Disposition);
        Assert.Contains(brief.DeniedRedFlags, f => f.Tag == RedFlagTag.InfantFever || f.Evidence.Text == "发烧");
        Assert.NotEmpty(brief.SuggestedQuestions);
        Assert.NotEmpty(brief.Explanation);
        Assert.Empty(brief.Summary);
        Assert.Equal("no language model configured", brief.SummaryNote);

        var started = await doctor.StartConsultationAsync(new StartConsultationRequest { CaseId = caseId, RealNameCheck = RealNameChecks.For("doc-1", Host.Clock.GetUtcNow()) });
        Assert.Equal(VisitStage.InConsultation, started.Visit.Stage);

        var afterMessage = await Host.Grpc().SendParentMessageAsync(new ParentMessageRequest { CaseId = caseId, Text = "医生，孩子刚才突然抽搐了，叫不醒" });
        var alert = Assert.Single(afterMessage.Visit.Alerts);
        Assert.Equal("emergency", alert.SuggestedTermination);
        Assert.Contains(RedFlagTag.Seizure, alert.RedFlags);

        var alertedBrief = await doctor.GetBriefAsync(new GetBriefRequest { CaseId = caseId });
        Assert.Single(alertedBrief.Alerts);
        Assert.Equal(2, alertedBrief.ParentText.Count);

        var ended = await doctor.TerminateVisitAsync(new TerminateVisitRequest { CaseId = caseId, Reason = "emergency", Note = "请立即到急诊" });
        Assert.Equal(VisitStage.Terminated, ended.Visit.Stage);
        Assert.True(ended.ChainValid);
        var types = ended.Events.Select(e => e.Type).ToList();
        Assert.Equal(["case_opened", "assessed", "visit_booked", "visit_assigned", "consultation_started", "visit_message", "assessed", "visit_alert", "visit_terminated"], types);
    }

    [Fact]
    public async Task Visit_GrowthCase_BriefHasWhoZScoresAndTheVisitCompletes()
    {
        await RegisterDoctorsAsync();
        var caseId = await BookedCaseAsync("女儿5岁，身高105厘米，体重17公斤，比同班同学矮，想咨询怎么长高", new Patient { AgeMonths = 60, Sex = Sex.Female });
        await TakeAsync(caseId, Specialty.Growth);
        var doctor = Host.Physician();

        var brief = await doctor.GetBriefAsync(new GetBriefRequest { CaseId = caseId });
        var height = Assert.Single(brief.GrowthScores, s => s.Indicator == "height_for_age");
        Assert.Equal(Sex.Female, height.Sex);
        Assert.Equal("WHO Child Growth Standards 2006", height.Reference);
        Assert.InRange(height.Z, -1.5, -0.5);
        Assert.Contains(brief.GrowthScores, s => s.Indicator == "weight_for_height");
        // The curve to draw it on comes from the service: the reference a year either side, the child's point on it.
        Assert.Equal(("age_months", 60.0, 105.0), (height.Curve.XAxis, height.Curve.ChildX, height.Curve.ChildY));
        Assert.Equal(25, height.Curve.Points.Count);
        Assert.Equal((48.0, 72.0), (height.Curve.Points[0].X, height.Curve.Points[^1].X));
        var atAge = height.Curve.Points.Single(p => p.X == 60);
        Assert.Equal(height.Median, atAge.Median, 1);
        Assert.True(atAge.Minus2 < 105 && 105 < atAge.Median, "a z between -1.5 and -0.5 lies between the -2 line and the median");
        Assert.Equal("height_cm", Assert.Single(brief.GrowthScores, s => s.Indicator == "weight_for_height").Curve.XAxis);

        await doctor.StartConsultationAsync(new StartConsultationRequest { CaseId = caseId, RealNameCheck = RealNameChecks.For("doc-1", Host.Clock.GetUtcNow()) });
        var done = await doctor.CompleteVisitAsync(new CompleteVisitRequest { CaseId = caseId, Diagnosis = "家族性矮小可能", FinalDisposition = Disposition.Online, FinalSpecialty = Specialty.Growth });
        Assert.Equal(VisitStage.Completed, done.Visit.Stage);
        Assert.Equal(Specialty.Growth, done.Visit.FinalSpecialty);
    }

    [Fact]
    public async Task StartConsultation_RealNameCheckMissingUnstructuredOrOfSomeoneElse_IsRefusedNamingTheField()
    {
        await RegisterDoctorsAsync();
        var caseId = await BookedCaseAsync();
        await TakeAsync(caseId);
        var doctor = Host.Physician();

        var missing = await Assert.ThrowsAsync<RpcException>(() => doctor.StartConsultationAsync(new StartConsultationRequest { CaseId = caseId }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, missing.StatusCode);
        Assert.StartsWith("real_name_check:", missing.Status.Detail, StringComparison.Ordinal);

        // The free-text form of the first version is no longer a check.
        using var unstructured = await Host.Http.SendAsync(Host.Json(HttpMethod.Post, $"/v1/physician/cases/{caseId}:start", "{\"realNameCheck\":\"face_recognition\"}", TriageServiceHost.KeyDoctor1));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unstructured.StatusCode);
        var body = await unstructured.Content.ReadAsStringAsync();
        Assert.Contains("\"field\":\"real_name_check\"", body, StringComparison.Ordinal);

        var check = RealNameChecks.For("doc-1", Host.Clock.GetUtcNow());
        var badMethod = await Assert.ThrowsAsync<RpcException>(() => doctor.StartConsultationAsync(new StartConsultationRequest { CaseId = caseId, RealNameCheck = new RealNameCheck(check) { Method = "张三 says so" } }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badMethod.StatusCode);
        Assert.StartsWith("real_name_check.method: one of digital_certificate, face_recognition", badMethod.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("张三", badMethod.Status.Detail, StringComparison.Ordinal);

        var someoneElse = await Assert.ThrowsAsync<RpcException>(() => doctor.StartConsultationAsync(new StartConsultationRequest { CaseId = caseId, RealNameCheck = RealNameChecks.For("doc-2", Host.Clock.GetUtcNow()) }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, someoneElse.StatusCode);
        Assert.StartsWith("real_name_check.physician_id:", someoneElse.Status.Detail, StringComparison.Ordinal);

        var stale = await Assert.ThrowsAsync<RpcException>(() => doctor.StartConsultationAsync(new StartConsultationRequest { CaseId = caseId, RealNameCheck = RealNameChecks.For("doc-1", Host.Clock.GetUtcNow().AddHours(-2)) }).ResponseAsync);
        Assert.StartsWith("real_name_check.verified_at:", stale.Status.Detail, StringComparison.Ordinal);

        var started = await doctor.StartConsultationAsync(new StartConsultationRequest { CaseId = caseId, RealNameCheck = check });
        Assert.Equal(VisitStage.InConsultation, started.Visit.Stage);
        var recorded = System.Text.Json.JsonDocument.Parse(started.Events.Single(e => e.Type == "consultation_started").PayloadJson).RootElement.GetProperty("verification");
        Assert.Equal("bch-face-id", recorded.GetProperty("verifier").GetString());
        Assert.Equal("doc-1", recorded.GetProperty("physicianId").GetString());
        Assert.Equal(check.Reference, recorded.GetProperty("reference").GetString());
        await doctor.TerminateVisitAsync(new TerminateVisitRequest { CaseId = caseId, Reason = "unsuitable_online", Note = "test" });
    }

    [Fact]
    public async Task Prescribe_ControlledDrugIsRefusedAndTheSignedOneIsRecorded()
    {
        await RegisterDoctorsAsync();
        var caseId = await BookedCaseAsync();
        await TakeAsync(caseId);
        var doctor = Host.Physician();
        await doctor.StartConsultationAsync(new StartConsultationRequest { CaseId = caseId, RealNameCheck = RealNameChecks.For("doc-1", Host.Clock.GetUtcNow()) });

        var controlled = new PrescribeRequest { CaseId = caseId, GuardianPresent = true, PhysicianPresent = true };
        controlled.Items.Add(new PrescriptionItem { Drug = "地西泮", DrugClass = "ordinary", Dosage = "1mg" });
        var refused = await Assert.ThrowsAsync<RpcException>(() => doctor.PrescribeAsync(controlled.Signed(TriageServiceHost.KeyDoctor1)).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.StartsWith("items[0]", refused.Status.Detail, StringComparison.Ordinal);

        var ordinary = new PrescribeRequest { CaseId = caseId, GuardianPresent = true, PhysicianPresent = true };
        ordinary.Items.Add(new PrescriptionItem { Drug = "丁酸氢化可的松乳膏", Dosage = "外用 每日1次" });
        var forged = await Assert.ThrowsAsync<RpcException>(() => doctor.PrescribeAsync(ordinary.Clone().Signed(TriageServiceHost.KeyDoctor2)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, forged.StatusCode);
        Assert.StartsWith("signature:", forged.Status.Detail, StringComparison.Ordinal);
        var tampered = ordinary.Clone().Signed(TriageServiceHost.KeyDoctor1);
        tampered.Items[0].Dosage = "外用 每日10次";
        Assert.Equal(StatusCode.InvalidArgument, (await Assert.ThrowsAsync<RpcException>(() => doctor.PrescribeAsync(tampered).ResponseAsync)).StatusCode);
        var recorded = await doctor.PrescribeAsync(ordinary.Signed(TriageServiceHost.KeyDoctor1));
        var rx = Assert.Single(recorded.Visit.Prescriptions);
        Assert.Equal("doc-1", rx.PhysicianId);
        Assert.Equal("ordinary", rx.Items[0].DrugClass);

        await doctor.CompleteVisitAsync(new CompleteVisitRequest { CaseId = caseId, Diagnosis = "婴儿湿疹", FinalDisposition = Disposition.Online, FinalSpecialty = Specialty.Dermatology });
    }

    [Fact]
    public async Task TakeCase_SuspendedPhysician_IsRefused()
    {
        await RegisterDoctorsAsync();
        await Host.PhysicianAdmin().SuspendPhysicianAsync(new SuspendPhysicianRequest { PhysicianId = "doc-2", Reason = "under review" });
        try
        {
            var e = await Assert.ThrowsAsync<RpcException>(() => Host.Physician(TriageServiceHost.KeyDoctor2).TakeCaseAsync(new TakeCaseRequest { Hospital = "BCH", Specialty = Specialty.Dermatology }).ResponseAsync);
            Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
            Assert.StartsWith("physician:", e.Status.Detail, StringComparison.Ordinal);
        }
        finally
        {
            await Host.PhysicianAdmin().ReinstatePhysicianAsync(new ReinstatePhysicianRequest { PhysicianId = "doc-2" });
        }
    }

    [Fact]
    public async Task BookVisit_EmergencyCase_IsRefusedNamingTheRule()
    {
        var reply = await Host.Grpc().AssessAsync(new AssessRequest { Complaint = "孩子抽搐，口吐白沫", GuardianPresent = true });
        var e = await Assert.ThrowsAsync<RpcException>(() => Host.Grpc().BookVisitAsync(new BookVisitRequest { CaseId = reply.CaseId, Hospital = "BCH" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.StartsWith("visit:", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PhysicianCalls_WithABookingAppKey_AreForbidden()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => Host.Physician(TriageServiceHost.KeyA).GetQueueAsync(new GetQueueRequest { Hospital = "BCH", Specialty = Specialty.Growth }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
    }

    [Fact]
    public async Task Alert_OverJson_PrescriptionRefusedUntilThePhysicianContinuesWithAReason()
    {
        await RegisterDoctorsAsync();
        var id = await BookedCaseAsync(patient: new Patient { AgeMonths = 96 });
        await TakeAsync(id);
        await Host.Physician().StartConsultationAsync(new StartConsultationRequest { CaseId = id, RealNameCheck = RealNameChecks.For("doc-1", Host.Clock.GetUtcNow()) });
        var alerted = await Host.Grpc().SendParentMessageAsync(new ParentMessageRequest { CaseId = id, Text = "孩子刚才喘不上气，嘴唇发紫" });
        Assert.True(alerted.Visit.AlertAwaitsDecision);
        var signed = new PrescribeRequest { CaseId = id, GuardianPresent = true, PhysicianPresent = true, Items = { new PrescriptionItem { Drug = "炉甘石洗剂", DrugClass = "ordinary", Dosage = "外用" } } }.Signed(TriageServiceHost.KeyDoctor1);
        var prescription = $$"""{"signature":"{{signed.Signature}}","guardianPresent":true,"physicianPresent":true,"items":[{"drug":"炉甘石洗剂","drugClass":"ordinary","dosage":"外用"}]}""";

        using var refused = await Host.Http.SendAsync(Host.Json(HttpMethod.Post, $"/v1/physician/cases/{id}/prescriptions", prescription, TriageServiceHost.KeyDoctor1));
        using var noReason = await Host.Http.SendAsync(Host.Json(HttpMethod.Post, $"/v1/physician/cases/{id}:continue", """{"reason":""}""", TriageServiceHost.KeyDoctor1));
        using var continued = await Host.Http.SendAsync(Host.Json(HttpMethod.Post, $"/v1/physician/cases/{id}:continue", """{"reason":"视频复核：呼吸平稳，口唇红润"}""", TriageServiceHost.KeyDoctor1));
        using var prescribed = await Host.Http.SendAsync(Host.Json(HttpMethod.Post, $"/v1/physician/cases/{id}/prescriptions", prescription, TriageServiceHost.KeyDoctor1));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("alert awaits", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, continued.StatusCode);
        Assert.False(JsonDocument.Parse(await continued.Content.ReadAsStringAsync()).RootElement.GetProperty("visit").TryGetProperty("alertAwaitsDecision", out var awaits) && awaits.GetBoolean());
        Assert.Equal(HttpStatusCode.OK, prescribed.StatusCode);
    }

    [Fact]
    public async Task HandBack_OverJson_ThePhysicianSuspendedMidVisitGivesItBack_AndAColleagueTakesIt()
    {
        await RegisterDoctorsAsync();
        var id = await BookedCaseAsync();
        await TakeAsync(id);
        await Host.Physician().StartConsultationAsync(new StartConsultationRequest { CaseId = id, RealNameCheck = RealNameChecks.For("doc-1", Host.Clock.GetUtcNow()) });
        await Host.PhysicianAdmin().SuspendPhysicianAsync(new SuspendPhysicianRequest { PhysicianId = "doc-1", Reason = "under review" });
        try
        {
            using var message = await Host.Http.SendAsync(Host.Json(HttpMethod.Post, $"/v1/physician/cases/{id}/messages", """{"text":"请拍照"}""", TriageServiceHost.KeyDoctor1));
            using var brief = await Host.Http.SendAsync(Host.Json(HttpMethod.Get, $"/v1/physician/cases/{id}/brief", apiKey: TriageServiceHost.KeyDoctor1));
            using var handed = await Host.Http.SendAsync(Host.Json(HttpMethod.Post, $"/v1/physician/cases/{id}:hand-back", """{"reason":"off_whitelist"}""", TriageServiceHost.KeyDoctor1));

            Assert.Equal(HttpStatusCode.BadRequest, message.StatusCode);
            Assert.Contains("physician: not on the whitelist", await message.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.BadRequest, brief.StatusCode);
            Assert.Equal(HttpStatusCode.OK, handed.StatusCode);
            var taken = await Host.Physician(TriageServiceHost.KeyDoctor2).TakeCaseAsync(new TakeCaseRequest { Hospital = "BCH", Specialty = Specialty.Dermatology });
            Assert.Equal(id, taken.Case.CaseId);
            await Host.Physician(TriageServiceHost.KeyDoctor2).TerminateVisitAsync(new TerminateVisitRequest { CaseId = id, Reason = "unsuitable_online" });
        }
        finally
        {
            await Host.PhysicianAdmin().ReinstatePhysicianAsync(new ReinstatePhysicianRequest { PhysicianId = "doc-1" });
        }
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("..%2F..%2Fadmin")]
    public async Task Queue_HospitalOutsideThePilot_Is400NamingTheHospital(string hospital)
    {
        await RegisterDoctorsAsync();
        using var response = await Host.Http.SendAsync(Host.Json(HttpMethod.Get, $"/v1/physician/queues/{hospital}/dermatology", apiKey: TriageServiceHost.KeyDoctor1));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"field\":\"hospital\"", body);
        Assert.DoesNotContain("admin", body);
    }
}
