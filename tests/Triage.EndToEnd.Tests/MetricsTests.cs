using System.Net;
using Triage.Api.V1;
using Triage.Client;

namespace Triage.EndToEnd.Tests;

/// <summary>
/// /metrics over real HTTP after real traffic: the instruments are there, and nothing of a patient is.
/// The service runs as its own process, as it is scraped in a hospital: the meter is process-wide, and
/// other tests' in-process services would add to its counts.
/// </summary>
public sealed class MetricsTests : IDisposable
{
    private const string Complaint = "宝宝8个月，脸上湿疹两周了，不发烧，吃奶睡觉都好";
    private const string PatientReference = "MRN-0042-ZHANG";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "triage-metrics-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task Metrics_AfterTraffic_CountDecisionsTimeRequestsAndBatches_AndCarryNoCaseOrPatientData()
    {
        using var service = await ServiceProcess.StartAsync(new Dictionary<string, string> { ["Storage__SqlitePath"] = Path.Combine(_data, "triage.db") });
        var triage = TriageChannel.Create(service.GrpcAddress, TriageServiceHost.KeyA, out var channel);
        using var _ = channel;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{service.HttpPort}") };
        var caseIds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var reply = await triage.AssessAsync(new AssessRequest { Complaint = Complaint, GuardianPresent = true, PatientReference = $"{PatientReference}-{i}", Patient = new Patient { AgeMonths = 8 } });
            Assert.Equal(Disposition.Online, reply.Decision.Disposition);
            caseIds.Add(reply.CaseId);
        }

        await triage.BookVisitAsync(new BookVisitRequest { CaseId = caseIds[0], Hospital = "BCH" });
        using (var get = new HttpRequestMessage(HttpMethod.Get, $"/v1/cases/{caseIds[1]}"))
        {
            get.Headers.Add(TriageChannel.ApiKeyHeader, TriageServiceHost.KeyA);
            using var json = await http.SendAsync(get);
            Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        }

        using var scrape = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await scrape.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Matches("""triage_decisions_total\{[^}]*disposition="online"[^}]*model_version="[^"]+"[^}]*\} 3""", text);
        Assert.Contains("triage_decision_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("triage_journal_batch_size_bucket{", text, StringComparison.Ordinal);
        Assert.Matches("""triage_visit_queue_length\{[^}]*hospital="BCH"[^}]*specialty="dermatology"[^}]*\} 1""", text);
        Assert.Matches("""http_server_request_duration_seconds_bucket\{[^}]*http_route="/v1/cases/\{case_id\}""", text);
        foreach (var secret in caseIds.Concat([PatientReference, "湿疹", "MRN"]))
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var caseId in caseIds)
        {
            Assert.DoesNotContain(caseId.Replace("-", string.Empty, StringComparison.Ordinal), text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
