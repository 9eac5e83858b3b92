using System.Text.Json;
using Triage.Api.V1;

namespace Triage.EndToEnd.Tests;

/// <summary>The service and a fake OpenAI-compatible model of the tests' own, both on loopback.</summary>
public sealed class ChatServiceFixture : IAsyncLifetime
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "triage-e2e-" + Guid.NewGuid().ToString("N"));

    public FakeChatServer Chat { get; private set; } = null!;

    public TriageServiceHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Chat = await FakeChatServer.StartAsync();
        Host = await TriageServiceHost.StartAsync(DataFolder, new Dictionary<string, string?>
        {
            ["Support:ChatEndpoint"] = Chat.Endpoint.ToString(),
            ["Support:ChatModel"] = "fake-clinical-model",
            ["Support:TimeoutSeconds"] = "20",
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Chat.DisposeAsync();
        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }
}

/// <summary>
/// The brief's written summary through Semantic Kernel's OpenAI connector: the model may call the
/// plugins, every call lands in the case's audit trail, and a prescription is never let through.
/// Tests run in order within the class, so the scripted replies are consumed by the test that queued them.
/// </summary>
public class DecisionSupportApiTests(ChatServiceFixture fixture) : IClassFixture<ChatServiceFixture>
{
    private TriageServiceHost Host => fixture.Host;

    private async Task<string> TakenGrowthCaseAsync()
    {
        await Host.PhysicianAdmin().RegisterPhysicianAsync(PhysicianApiTests.Registration(Host.Clock, "doc-1"));
        var reply = await Host.Grpc().AssessAsync(new AssessRequest
        {
            Complaint = "女儿5岁，身高105厘米，体重17公斤，比同班同学矮，想咨询怎么长高",
            GuardianPresent = true,
            Patient = new Patient { AgeMonths = 60, Sex = Sex.Female },
        });
        await Host.Grpc().BookVisitAsync(new BookVisitRequest { CaseId = reply.CaseId, Hospital = "BCH" });
        var taken = await Host.Physician().TakeCaseAsync(new TakeCaseRequest { Hospital = "BCH", Specialty = Specialty.Growth });
        Assert.Equal(reply.CaseId, taken.Case.CaseId);
        return reply.CaseId;
    }

    // Frees doc-1's slot so the tests can run in any order.
    private async Task EndAsync(string caseId) =>
        await Host.Physician().TerminateVisitAsync(new TerminateVisitRequest { CaseId = caseId, Reason = "unsuitable_online" });

    private async Task<List<(string Function, string Outcome)>> SupportEventsAsync(string caseId)
    {
        var view = await Host.Physician().GetVisitCaseAsync(new GetVisitCaseRequest { CaseId = caseId });
        return [.. view.Events.Where(e => e.Type == "support_invoked").Select(e =>
        {
            using var payload = JsonDocument.Parse(e.PayloadJson);
            return (payload.RootElement.GetProperty("function").GetString()!, payload.RootElement.GetProperty("outcome").GetString()!);
        })];
    }

    [Fact]
    public async Task Brief_ModelCallsTheGrowthPlugin_SummaryIsAddedAndEveryCallAudited()
    {
        var caseId = await TakenGrowthCaseAsync();
        fixture.Chat.ReplyWithToolCall("growth-z_scores", new { sex = "female", ageMonths = 60, heightCm = 105, weightKg = 17 });
        fixture.Chat.ReplyWithText("5岁女孩，身高105 cm，身高别年龄Z约-1.0（WHO 2006标准），无危险信号；建议询问父母身高和近一年生长速度。");
        var before = fixture.Chat.Requests.Count;

        var brief = await Host.Physician().GetBriefAsync(new GetBriefRequest { CaseId = caseId });

        Assert.StartsWith("5岁女孩", brief.Summary, StringComparison.Ordinal);
        Assert.Empty(brief.SummaryNote);
        Assert.NotEmpty(brief.GrowthScores);
        // The connector sent the plugins as tools and returned the function's result to the model.
        var requests = fixture.Chat.Requests.Skip(before).ToList();
        Assert.Equal(2, requests.Count);
        var tools = requests[0].RootElement.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()).ToList();
        Assert.Contains("growth-z_scores", tools);
        Assert.Contains("triage-assess", tools);
        var toolMessage = requests[1].RootElement.GetProperty("messages").EnumerateArray().Last(m => m.GetProperty("role").GetString() == "tool");
        Assert.Contains("WHO Child Growth Standards 2006", toolMessage.GetProperty("content").GetString(), StringComparison.Ordinal);

        var audit = await SupportEventsAsync(caseId);
        Assert.Contains(("growth.z_scores", "completed"), audit);
        Assert.Contains(("chat.summary", "completed"), audit);
        await EndAsync(caseId);
    }

    [Fact]
    public async Task Brief_ModelWritesAPrescription_SummaryIsWithheldAndTheRefusalAudited()
    {
        var caseId = await TakenGrowthCaseAsync();
        fixture.Chat.ReplyWithText("处方：维生素D 400 IU 每日1次，口服。");

        var brief = await Host.Physician().GetBriefAsync(new GetBriefRequest { CaseId = caseId });

        Assert.Empty(brief.Summary);
        Assert.Contains("prescription", brief.SummaryNote, StringComparison.Ordinal);
        Assert.NotEmpty(brief.SuggestedQuestions);
        Assert.Contains(("chat.summary", "refused"), await SupportEventsAsync(caseId));
        await EndAsync(caseId);
    }

    [Fact]
    public async Task Brief_ModelFails_TheBriefIsCompleteWithoutASummary()
    {
        var caseId = await TakenGrowthCaseAsync();
        // No reply queued: the fake endpoint answers 500.

        var brief = await Host.Physician().GetBriefAsync(new GetBriefRequest { CaseId = caseId });

        Assert.Empty(brief.Summary);
        Assert.NotEmpty(brief.SummaryNote);
        Assert.NotEmpty(brief.GrowthScores);
        Assert.Contains(("chat.summary", "failed"), await SupportEventsAsync(caseId));
        await EndAsync(caseId);
    }
}
