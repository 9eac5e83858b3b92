using Microsoft.Extensions.DependencyInjection;
using Triage.Api.V1;

namespace Triage.EndToEnd.Tests;

public class DurabilityTests
{
    [Fact]
    public async Task Restart_EveryCaseReadsBackIdenticalWithItsChainIntact()
    {
        var folder = Path.Combine(Path.GetTempPath(), "triage-durable-" + Guid.NewGuid().ToString("N"));
        var before = new List<Case>();
        try
        {
            await using (var host = await TriageServiceHost.StartAsync(folder))
            {
                var client = host.Grpc();
                string[] complaints = ["宝宝8个月，脸上湿疹两周了", "孩子突然抽搐", "脸上长痘痘", "孩子6岁，个子矮", "宝宝发烧了"];
                foreach (var complaint in complaints)
                {
                    var reply = await client.AssessAsync(new AssessRequest { Complaint = complaint, PatientReference = "p-" + complaint.Length });
                    if (reply.Decision.Disposition == Disposition.NeedsInfo)
                    {
                        var answer = new AnswerQuestionsRequest { CaseId = reply.CaseId };
                        answer.Answers.Add(new Answer { QuestionId = "age", Text = "3岁" });
                        await client.AnswerQuestionsAsync(answer);
                    }

                    before.Add(await client.GetCaseAsync(new GetCaseRequest { CaseId = reply.CaseId }));
                }
            }

            await using (var host = await TriageServiceHost.StartAsync(folder))
            {
                var client = host.Grpc();
                foreach (var expected in before)
                {
                    var actual = await client.GetCaseAsync(new GetCaseRequest { CaseId = expected.CaseId });
                    Assert.Equal(expected, actual);
                    Assert.True(actual.ChainValid);
                }
            }

            Assert.Contains(before, c => c.Events.Count == 4);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Restart_AfterAPayloadWasReplacedByGarbage_TheCaseIsReportedBrokenNeverAnInternalError()
    {
        var folder = Path.Combine(Path.GetTempPath(), "triage-broken-" + Guid.NewGuid().ToString("N"));
        try
        {
            string caseId;
            await using (var host = await TriageServiceHost.StartAsync(folder))
            {
                caseId = (await host.Grpc().AssessAsync(new AssessRequest { Complaint = "宝宝8个月，脸上湿疹两周了" })).CaseId;
            }

            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "triage.db")};Pooling=false"))
            {
                await connection.OpenAsync();
                var command = connection.CreateCommand();
                command.CommandText = "UPDATE case_events SET payload = '{\"garbage\": ' WHERE case_id = $id AND seq = 2";
                command.Parameters.AddWithValue("$id", Guid.Parse(caseId).ToString("N"));
                Assert.Equal(1, await command.ExecuteNonQueryAsync());
            }

            await using (var host = await TriageServiceHost.StartAsync(folder))
            {
                var e = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => host.Grpc().GetCaseAsync(new GetCaseRequest { CaseId = caseId }).ResponseAsync);
                Assert.Equal(Grpc.Core.StatusCode.FailedPrecondition, e.StatusCode);
                Assert.Equal("case: its stored trail is broken at event 2; it accepts no changes", e.Status.Detail);

                var answer = new AnswerQuestionsRequest { CaseId = caseId, AddedText = "还有点痒" };
                var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => host.Grpc().AnswerQuestionsAsync(answer).ResponseAsync);
                Assert.Equal(Grpc.Core.StatusCode.FailedPrecondition, refused.StatusCode);

                using var json = await host.Http.SendAsync(host.Json(HttpMethod.Get, $"/v1/cases/{caseId}"));
                Assert.Equal(System.Net.HttpStatusCode.BadRequest, json.StatusCode);
                Assert.DoesNotContain("garbage", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Restart_WithTheJournalKeyRotated_OldCasesReadNewTextIsSealedUnderTheNewKey_AndADroppedKeyIsAnOperatorsError()
    {
        var folder = Path.Combine(Path.GetTempPath(), "triage-rotate-" + Guid.NewGuid().ToString("N"));
        var key1 = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var key2 = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        try
        {
            Case before;
            await using (var host = await TriageServiceHost.StartAsync(folder, new Dictionary<string, string?> { ["Journal:Keys:2026a"] = key1 }))
            {
                var reply = await host.Grpc().AssessAsync(new AssessRequest { Complaint = "宝宝8个月，脸上湿疹两周了" });
                before = await host.Grpc().GetCaseAsync(new GetCaseRequest { CaseId = reply.CaseId });
            }

            var rotated = new Dictionary<string, string?> { ["Journal:Keys:2026a"] = key1, ["Journal:Keys:2026b"] = key2, ["Journal:CurrentKey"] = "2026b" };
            await using (var host = await TriageServiceHost.StartAsync(folder, rotated))
            {
                var client = host.Grpc();
                Assert.Equal(before, await client.GetCaseAsync(new GetCaseRequest { CaseId = before.CaseId }));
                await client.AnswerQuestionsAsync(new AnswerQuestionsRequest { CaseId = before.CaseId, AddedText = "有点痒" });
                var after = await client.GetCaseAsync(new GetCaseRequest { CaseId = before.CaseId });
                Assert.Equal("宝宝8个月，脸上湿疹两周了", after.Complaint);
                Assert.True(after.ChainValid);
                // Each entry names the key it was sealed under; none was re-sealed.
                Assert.Contains("\"key\":\"2026a\"", after.Events[0].PayloadJson, StringComparison.Ordinal);
                Assert.Contains("\"key\":\"2026b\"", after.Events[2].PayloadJson, StringComparison.Ordinal);
                Assert.DoesNotContain("有点痒", after.Events[2].PayloadJson, StringComparison.Ordinal);
                await host.Services.GetRequiredService<Triage.Grains.Hosting.LedgerCheckpointWriter>().CheckpointAsync(CancellationToken.None);
                var audit = await host.Audit().VerifyAuditAsync(new VerifyAuditRequest());
                Assert.True(audit.Intact, audit.FirstBrokenLink);
            }

            await using (var host = await TriageServiceHost.StartAsync(folder, new Dictionary<string, string?> { ["Journal:Keys:2026b"] = key2 }))
            {
                var e = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => host.Grpc().GetCaseAsync(new GetCaseRequest { CaseId = before.CaseId }).ResponseAsync);
                Assert.Equal(Grpc.Core.StatusCode.Unavailable, e.StatusCode);
                Assert.DoesNotContain("湿疹", e.Status.Detail, StringComparison.Ordinal);
                // The audit needs no journal key at all.
                var audit = await host.Audit().VerifyAuditAsync(new VerifyAuditRequest());
                Assert.True(audit.Intact, audit.FirstBrokenLink);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
