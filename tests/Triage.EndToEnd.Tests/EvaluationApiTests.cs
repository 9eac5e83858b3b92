using System.Net;
using System.Text.Json;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Triage.Api.V1;
using Triage.Cli;
using Triage.Cli.Commands;
using Triage.Grains.Hosting;
using Triage.Grains.Journal;

namespace Triage.EndToEnd.Tests;

/// <summary>
/// The evaluators' and regulators' side, end to end: cases made and worked through the real API,
/// then the de-identified figures over JSON and gRPC, the report against the service, the audit and
/// a case's trail. One service per class, its cases made once.
/// </summary>
public sealed class EvaluationApiTests(EvaluationApiTests.Cases cases) : IClassFixture<EvaluationApiTests.Cases>
{
    private const string Year = "from=2026-01-01&to=2026-12-31";

    private TriageServiceHost Host => cases.Host;

    [Fact]
    public async Task Volumes_OverJson_CountTheCasesMadeThroughTheApi()
    {
        using var response = await Host.Http.SendAsync(Host.Json(HttpMethod.Get, $"/v1/analytics/volumes?{Year}", apiKey: TriageServiceHost.KeyEvaluator));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = JsonDocument.Parse(body).RootElement.GetProperty("rows")[0].GetProperty("values");
        Assert.Equal(Cases.Online + Cases.Emergencies, row.GetProperty("cases").GetDouble());
        Assert.Equal(Cases.Online, row.GetProperty("online").GetDouble());
        Assert.Equal(Cases.Emergencies, row.GetProperty("emergency").GetDouble());
        Assert.Equal(Cases.Online, row.GetProperty("booked").GetDouble());
        Assert.Equal(Cases.Online, row.GetProperty("started").GetDouble());
        Assert.Equal(Cases.Online - 1, row.GetProperty("completed").GetDouble());
        Assert.DoesNotContain(cases.CaseIds[0], body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("湿疹", body);
    }

    [Fact]
    public async Task VisitsAndAgreement_OverGrpc_CountTheHazardousMissAndTheSpecialtyAgreement()
    {
        var request = new AnalyticsRequest { From = "2026-01-01", To = "2026-12-31" };

        var visits = (await Host.Analytics().GetVisitsAsync(request)).Rows[0].Values;
        var agreement = await Host.Analytics(TriageServiceHost.KeyRegulator).GetAgreementAsync(request);
        var compliance = (await Host.Analytics().GetComplianceAsync(request)).Rows[0].Values;

        Assert.Equal(1, visits["terminated_emergency"]);
        Assert.Equal(1, visits["hazardous_misses"]);
        var specialty = Assert.Single(agreement.Rows, r => r.Keys["axis"] == "specialty");
        Assert.Equal(Cases.Online - 1, specialty.Values["cases"]);
        Assert.Equal(Cases.Online - 2, specialty.Values["agreed"]);
        Assert.Equal(0, compliance["not_whitelisted_at_start"]);
        Assert.Equal(0, compliance["without_guardian"]);
        Assert.Equal(0, compliance["unsigned_prescriptions"]);
        Assert.Equal(1, compliance["prescriptions"]);
    }

    [Fact]
    public async Task GroupsUnderFive_AreSuppressed()
    {
        var request = new AnalyticsRequest { From = "2026-01-01", To = "2026-12-31" };
        request.GroupBy.Add("disposition");

        var volumes = await Host.Analytics().GetVolumesAsync(request);

        Assert.Equal(["online", "emergency"], volumes.Rows.Select(r => r.Keys["disposition"]).Order().Reverse());
        Assert.All(volumes.Rows, r => Assert.True(r.Values["cases"] >= 5));
        var byAge = new AnalyticsRequest { From = "2026-01-01", To = "2026-12-31", Disposition = "emergency" };
        byAge.GroupBy.Add("age_band");
        var small = await Host.Analytics().GetVolumesAsync(byAge);
        Assert.Empty(small.Rows);
        Assert.True(small.SuppressedGroups > 0);
    }

    [Theory]
    [InlineData(TriageServiceHost.KeyA)]
    [InlineData(TriageServiceHost.KeyDoctor1)]
    [InlineData(TriageServiceHost.KeyAdmin)]
    public async Task Analytics_OtherRoles_AreForbidden(string key)
    {
        using var response = await Host.Http.SendAsync(Host.Json(HttpMethod.Get, $"/v1/analytics/volumes?{Year}", apiKey: key));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Analytics_UnknownDimension_Is400NamingTheFieldWithoutEchoingIt()
    {
        using var response = await Host.Http.SendAsync(Host.Json(HttpMethod.Get, $"/v1/analytics/volumes?{Year}&groupBy=张小明", apiKey: TriageServiceHost.KeyEvaluator));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("group_by", body);
        Assert.DoesNotContain("张小明", body);
    }

    [Fact]
    public async Task Report_AgainstTheService_ShowsTheSameFigures()
    {
        var file = Path.Combine(cases.DataFolder, "report.html");
        var args = CommandLine.Parse(["report", "--from", "2026-01-01", "--to", "2026-12-31", "--out", file, "--url", Host.GrpcAddress.ToString(), "--api-key", TriageServiceHost.KeyEvaluator]);

        Assert.Equal(0, await ReportCommand.RunAsync(args, TextWriter.Null, CancellationToken.None));

        var html = await File.ReadAllTextAsync(file);
        Assert.Contains($"data-figure=\"totals.cases\">{Cases.Online + Cases.Emergencies}<", html);
        Assert.Contains($"data-figure=\"funnel.completed\">{Cases.Online - 1}<", html);
        Assert.Contains("data-figure=\"compliance.without_guardian\">0<", html);
    }

    [Fact]
    public async Task VerifyAudit_Regulator_FindsTheJournalsIntactAgainstTheCheckpoint()
    {
        await Host.Services.GetRequiredService<LedgerCheckpointWriter>().CheckpointAsync(CancellationToken.None);

        var report = await Host.Audit().VerifyAuditAsync(new VerifyAuditRequest());
        var exported = await Host.Audit(TriageServiceHost.KeyAdmin).ExportCheckpointsAsync(new ExportCheckpointsRequest());

        Assert.True(report.Intact, report.FirstBrokenLink);
        Assert.True(report.CheckpointsChecked >= 1);
        Assert.Equal("application/x-ndjson", exported.ContentType);
        Assert.Contains("\"signature\":", exported.Data.ToStringUtf8());
        var error = await Assert.ThrowsAsync<RpcException>(() => Host.Audit(TriageServiceHost.KeyEvaluator).VerifyAuditAsync(new VerifyAuditRequest()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task CaseTrail_ExportsEveryEventAsJsonLinesThatChain()
    {
        var id = cases.CaseIds[0];
        using var response = await Host.Http.SendAsync(Host.Json(HttpMethod.Get, $"/v1/audit/cases/{id}/trail", apiKey: TriageServiceHost.KeyRegulator));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var entries = lines.Select(l => JsonDocument.Parse(l).RootElement).Select(e => new JournalEntry(
            e.GetProperty("sequence").GetInt64(), e.GetProperty("type").GetString()!, DateTimeOffset.Parse(e.GetProperty("occurredAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            e.GetProperty("actor").GetString()!, e.GetProperty("payload").GetString()!, e.GetProperty("previousHash").GetString()!, e.GetProperty("hash").GetString()!)).ToList();
        Assert.Equal(["case_opened", "assessed", "visit_booked", "visit_assigned", "consultation_started"], entries.Take(5).Select(e => e.Type));
        Assert.True(HashChain.Verify(entries));
        Assert.Contains(entries, e => e.Payload.Contains("modelVersion", StringComparison.Ordinal));
        using var forbidden = await Host.Http.SendAsync(Host.Json(HttpMethod.Get, $"/v1/audit/cases/{id}/trail", apiKey: TriageServiceHost.KeyEvaluator));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task VerifyAudit_AfterACaseIsDeletedInTheDatabase_NamesTheBrokenLink()
    {
        // A service of its own: this one's database is tampered with.
        var folder = Path.Combine(Path.GetTempPath(), "triage-e2e-audit-" + Guid.NewGuid().ToString("N"));
        await using (var host = await TriageServiceHost.StartAsync(folder))
        {
            var reply = await host.Grpc().AssessAsync(new AssessRequest { Complaint = "宝宝湿疹两周", GuardianPresent = true, Patient = new Patient { AgeMonths = 8 } });
            await host.Grpc().AssessAsync(new AssessRequest { Complaint = "孩子个子矮", GuardianPresent = true, Patient = new Patient { AgeMonths = 60 } });
            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "triage.db")}"))
            {
                await connection.OpenAsync();
                await using var delete = connection.CreateCommand();
                delete.CommandText = "DELETE FROM case_events WHERE case_id = $id";
                delete.Parameters.AddWithValue("$id", Guid.Parse(reply.CaseId).ToString("N"));
                Assert.Equal(2, await delete.ExecuteNonQueryAsync());
            }

            var report = await host.Audit().VerifyAuditAsync(new VerifyAuditRequest());

            Assert.False(report.Intact);
            Assert.Contains("missing from the journal", report.FirstBrokenLink);
            Assert.DoesNotContain("湿疹", report.FirstBrokenLink);
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Eleven cases through the API: six eczema cases booked and seen (one terminated as an emergency, one with another specialty), five emergencies.</summary>
    public sealed class Cases : IAsyncLifetime
    {
        public const int Online = 6;
        public const int Emergencies = 5;

        public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "triage-e2e-eval-" + Guid.NewGuid().ToString("N"));

        public TriageServiceHost Host { get; private set; } = null!;

        public List<string> CaseIds { get; } = [];

        public async Task InitializeAsync()
        {
            Host = await TriageServiceHost.StartAsync(DataFolder);
            await Host.PhysicianAdmin().RegisterPhysicianAsync(PhysicianApiTests.Registration(Host.Clock, "doc-1"));
            for (var i = 0; i < Online; i++)
            {
                var reply = await Host.Grpc().AssessAsync(new AssessRequest { Complaint = "宝宝8个月，脸上湿疹两周了，不发烧，吃奶睡觉都好", GuardianPresent = true, Patient = new Patient { AgeMonths = 8, Province = "北京" } });
                await Host.Grpc().BookVisitAsync(new BookVisitRequest { CaseId = reply.CaseId, Hospital = "BCH" });
                CaseIds.Add(reply.CaseId);
            }

            for (var i = 0; i < Emergencies; i++)
            {
                var reply = await Host.Grpc().AssessAsync(new AssessRequest { Complaint = "孩子抽搐了，叫不醒", Patient = new Patient { AgeMonths = 30 + (i * 20) } });
                Assert.Equal(Disposition.Emergency, reply.Decision.Disposition);
            }

            var doctor = Host.Physician();
            for (var i = 0; i < Online; i++)
            {
                var taken = await doctor.TakeCaseAsync(new TakeCaseRequest { Hospital = "BCH", Specialty = Specialty.Dermatology });
                var id = taken.Case.CaseId;
                Host.Clock.Advance(TimeSpan.FromMinutes(10));
                await doctor.StartConsultationAsync(new StartConsultationRequest { CaseId = id, RealNameCheck = RealNameChecks.For("doc-1", Host.Clock.GetUtcNow()) });
                Host.Clock.Advance(TimeSpan.FromMinutes(15));
                if (i == 0)
                {
                    await doctor.PrescribeAsync(new PrescribeRequest { CaseId = id, GuardianPresent = true, PhysicianPresent = true, Items = { new PrescriptionItem { Drug = "氢化可的松乳膏", DrugClass = "ordinary", Dosage = "外用 每日两次" } } }.Signed(TriageServiceHost.KeyDoctor1));
                }

                if (i == Online - 1)
                {
                    await doctor.TerminateVisitAsync(new TerminateVisitRequest { CaseId = id, Reason = "emergency", Note = "请立即去急诊" });
                }
                else
                {
                    await doctor.CompleteVisitAsync(new CompleteVisitRequest { CaseId = id, Diagnosis = "婴儿湿疹", FinalDisposition = Disposition.Online, FinalSpecialty = i == 1 ? Specialty.Nutrition : Specialty.Dermatology });
                }
            }
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(DataFolder))
            {
                Directory.Delete(DataFolder, recursive: true);
            }
        }
    }
}
