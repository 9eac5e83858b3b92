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
}
