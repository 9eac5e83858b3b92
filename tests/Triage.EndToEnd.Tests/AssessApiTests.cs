using System.Net;
using System.Text.Json;
using Grpc.Core;
using Triage.Api.V1;

namespace Triage.EndToEnd.Tests;

public class AssessApiTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private TriageServiceHost Host => fixture.Host;

    [Fact]
    public async Task Assess_OverJson_ReturnsAnExplainedDecision()
    {
        using var response = await Host.Http.SendAsync(Host.Json(HttpMethod.Post, "/v1/assessments",
            """{"complaint":"宝宝8个月，脸上湿疹两周了，没有发烧，吃奶睡觉都好","patient":{"sex":"female"},"guardianPresent":true}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var decision = doc.RootElement.GetProperty("decision");
        Assert.True(Guid.TryParse(doc.RootElement.GetProperty("caseId").GetString(), out _));
        Assert.Equal("online", decision.GetProperty("disposition").GetString());
        Assert.Equal("dermatology", decision.GetProperty("specialty").GetString());
        Assert.Equal("book_online", decision.GetProperty("nextStep").GetProperty("code").GetString());
        Assert.NotEmpty(decision.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("zh").GetString()));
        Assert.Equal(5, decision.GetProperty("dispositionProbabilities").GetArrayLength());
        // The service serves the shipped model named by models/current.
        Assert.Equal(TriageServiceHost.ShippedModelVersion, decision.GetProperty("modelVersion").GetString());
        Assert.StartsWith("bj-first-visit-2026.1+vocab-", decision.GetProperty("policyVersion").GetString(), StringComparison.Ordinal);
        var denied = decision.GetProperty("redFlags").EnumerateArray().Single();
        Assert.True(denied.GetProperty("negated").GetBoolean());
        Assert.Equal("发烧", denied.GetProperty("evidence").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Assess_NewCases_AreGivenTimeOrderedIds()
    {
        var client = Host.Grpc();
        var first = Guid.Parse((await client.AssessAsync(new AssessRequest { Complaint = "宝宝湿疹" })).CaseId);
        var second = Guid.Parse((await client.AssessAsync(new AssessRequest { Complaint = "孩子挑食" })).CaseId);

        // UUID version 7: the first 48 bits are the opening's milliseconds, so a later case's rows sort after an earlier's.
        Assert.Equal(7, first.Version);
        Assert.Equal(7, second.Version);
        Assert.True(string.CompareOrdinal(second.ToString("N")[..12], first.ToString("N")[..12]) >= 0, "the later case's id sorts first");
    }

    [Fact]
    public async Task Assess_OverJson_SpellsEveryValueAsThePolicyDoesBothWays()
    {
        using var response = await Host.Http.SendAsync(Host.Json(HttpMethod.Post, "/v1/assessments",
            """{"complaint":"宝宝50天，发烧38.5度，没有抽搐","patient":{"sex":"male","ageDays":50}}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var decision = doc.RootElement.GetProperty("decision");
        Assert.Equal("emergency", decision.GetProperty("disposition").GetString());
        Assert.Equal("immediate", decision.GetProperty("urgency").GetString());
        Assert.Equal("male", decision.GetProperty("facts").GetProperty("sex").GetString());
        Assert.Equal("child", decision.GetProperty("facts").GetProperty("subject").GetString());
        var flags = decision.GetProperty("redFlags").EnumerateArray().ToDictionary(f => f.GetProperty("tag").GetString()!);
        Assert.Equal("affirmed", flags["infant_fever"].GetProperty("status").GetString());
        Assert.Equal("emergency", flags["infant_fever"].GetProperty("severity").GetString());
        Assert.Equal("vocabulary", flags["infant_fever"].GetProperty("source").GetString());
        Assert.Equal("negated", flags["seizure"].GetProperty("status").GetString());

        // The first version's spelling is not a second one: it is refused.
        using var old = await Host.Http.SendAsync(Host.Json(HttpMethod.Post, "/v1/assessments", """{"complaint":"宝宝湿疹","patient":{"sex":"SEX_FEMALE"}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
    }

    [Fact]
    public async Task Assess_InfantFeverOverGrpc_IsEmergencyWithItsEvidence()
    {
        var client = Host.Grpc();
        var reply = await client.AssessAsync(new AssessRequest { Complaint = "宝宝发烧38.6度，吃奶少", Patient = new Patient { AgeDays = 40 } });
        Assert.Equal(Disposition.Emergency, reply.Decision.Disposition);
        Assert.Equal(Urgency.Immediate, reply.Decision.Urgency);
        var flag = Assert.Single(reply.Decision.RedFlags, f => f.Tag == RedFlagTag.InfantFever);
        Assert.Equal(Disposition.Emergency, flag.Severity);
        Assert.Equal("call_emergency", reply.Decision.NextStep.Code);
    }

    [Fact]
    public async Task AnswerQuestions_OnlyTheAgeToWhatIsTheProblem_StaysNeedsInfo()
    {
        var client = Host.Grpc();
        var first = await client.AssessAsync(new AssessRequest { Complaint = "孩子不舒服", GuardianPresent = true });
        Assert.Equal(Disposition.NeedsInfo, first.Decision.Disposition);

        var answers = new AnswerQuestionsRequest { CaseId = first.CaseId };
        answers.Answers.Add(new Answer { QuestionId = "age", Text = "3岁" });
        var second = await client.AnswerQuestionsAsync(answers);
        Assert.Equal(Disposition.NeedsInfo, second.Decision.Disposition);
        Assert.Contains(second.Decision.Questions, q => q.Code == "symptom");
    }

    [Fact]
    public async Task AnswerQuestions_AgeForAVagueComplaint_ReassessesAndKeepsHistory()
    {
        var client = Host.Grpc();
        var first = await client.AssessAsync(new AssessRequest { Complaint = "脸上长了很多痘痘，怎么办" });
        Assert.Equal(Disposition.NeedsInfo, first.Decision.Disposition);
        Assert.Contains(first.Decision.Questions, q => q.Code == "age");

        var answers = new AnswerQuestionsRequest { CaseId = first.CaseId, GuardianPresent = true };
        answers.Answers.Add(new Answer { QuestionId = "age", Text = "14岁" });
        answers.Answers.Add(new Answer { QuestionId = "subject", Text = "是" });
        var second = await client.AnswerQuestionsAsync(answers);
        Assert.Equal(first.CaseId, second.CaseId);
        Assert.Equal(Disposition.Online, second.Decision.Disposition);
        Assert.Equal(Specialty.Dermatology, second.Decision.Specialty);

        var found = await client.GetCaseAsync(new GetCaseRequest { CaseId = first.CaseId });
        Assert.Equal(["case_opened", "assessed", "answers_added", "assessed"], found.Events.Select(e => e.Type));
        Assert.True(found.ChainValid);
        Assert.Equal(Disposition.Online, found.Decision.Disposition);
    }

    [Fact]
    public async Task GetCase_OverJson_ReturnsHistoryWithChainedHashes()
    {
        var reply = await Host.Grpc().AssessAsync(new AssessRequest { Complaint = "孩子5岁，挑食，很瘦", GuardianPresent = true });
        using var response = await Host.Http.SendAsync(Host.Json(HttpMethod.Get, $"/v1/cases/{reply.CaseId}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var events = doc.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal(events[0].GetProperty("hash").GetString(), events[1].GetProperty("previousHash").GetString());
        Assert.True(doc.RootElement.GetProperty("chainValid").GetBoolean());
    }

    [Fact]
    public async Task GetCase_OfAnotherApp_IsNotFound()
    {
        var reply = await Host.Grpc(TriageServiceHost.KeyA).AssessAsync(new AssessRequest { Complaint = "宝宝湿疹" });
        var e = await Assert.ThrowsAsync<RpcException>(async () => await Host.Grpc(TriageServiceHost.KeyB).GetCaseAsync(new GetCaseRequest { CaseId = reply.CaseId }));
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
    }

    [Fact]
    public async Task Assess_WithoutKey_IsUnauthenticatedOnBothPorts()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/assessments") { Content = new StringContent("""{"complaint":"宝宝湿疹"}""", System.Text.Encoding.UTF8, "application/json") };
        using var response = await Host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        var e = await Assert.ThrowsAsync<RpcException>(async () => await Host.Grpc("wrong-key").AssessAsync(new AssessRequest { Complaint = "宝宝湿疹" }));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Fact]
    public async Task Assess_ByAnEvaluator_IsForbidden()
    {
        var e = await Assert.ThrowsAsync<RpcException>(async () => await Host.Grpc(TriageServiceHost.KeyEvaluator).AssessAsync(new AssessRequest { Complaint = "宝宝湿疹" }));
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
    }
}
