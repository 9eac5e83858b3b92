using System.Text.Json;
using Triage.Cli;
using Triage.Cli.Commands;

namespace Triage.EndToEnd.Tests;

public class BatchCommandTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Assess_OverTheServiceAndInProcess_GiveTheSameDecisionsAndRefuseTheSameLines()
    {
        var folder = Directory.CreateTempSubdirectory("triage-batch-").FullName;
        try
        {
            var input = Path.Combine(folder, "cases.jsonl");
            await File.WriteAllLinesAsync(input,
            [
                """{"id":"c1","text":"宝宝8个月，脸上湿疹两周了","guardian_present":true}""",
                """{"id":"c2","text":"孩子突然抽搐，叫不醒","age_months":30}""",
                """{"id":"c3","text":"女28岁，脸上长痘痘"}""",
                """{"id":"c4","text":""}""",
                """{"id":"c5","text":"宝宝湿疹","age_months":-3}""",
                """{"id":"c6","text":"宝宝湿疹","sex":"girl"}""",
            ]);
            var remote = Path.Combine(folder, "remote.jsonl");
            var local = Path.Combine(folder, "local.jsonl");

            var remoteExit = await AssessCommand.RunAsync(CommandLine.Parse(["assess", "--in", input, "--out", remote, "--url", fixture.Host.GrpcAddress.ToString(), "--api-key", TriageServiceHost.KeyA]), TextWriter.Null, CancellationToken.None);
            // No --model: in process decides with the served model, models/current, as the service does.
            var localExit = await AssessCommand.RunAsync(CommandLine.Parse(["assess", "--in", input, "--out", local, "--in-process", "--as-of", "2026-06-01"]), TextWriter.Null, CancellationToken.None);

            Assert.Equal(1, remoteExit);
            Assert.Equal(1, localExit);
            var r = (await File.ReadAllLinesAsync(remote)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            var l = (await File.ReadAllLinesAsync(local)).Select(x => JsonDocument.Parse(x).RootElement).ToList();
            Assert.Equal(6, r.Count);
            Assert.Equal(["online", "emergency", "out_of_scope"], r.Take(3).Select(x => x.GetProperty("disposition").GetString()));
            Assert.Equal(r.Take(3).Select(x => x.GetProperty("disposition").GetString()), l.Take(3).Select(x => x.GetProperty("disposition").GetString()));
            Assert.True(Guid.TryParse(r[0].GetProperty("case_id").GetString(), out _));
            Assert.Equal(r.Take(3).Select(x => x.GetProperty("model_version").GetString()), l.Take(3).Select(x => x.GetProperty("model_version").GetString()));
            Assert.Contains("seizure", r[1].GetProperty("red_flags").EnumerateArray().Select(f => f.GetString()));
            Assert.True(r[3].TryGetProperty("error", out _));
            // The in-process path applies the API's own input rules, naming the same field.
            Assert.StartsWith("patient.age_months:", r[4].GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("patient.age_months:", l[4].GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("sex:", r[5].GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("sex:", l[5].GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Equal(TriageServiceHost.ShippedModelVersion, l[0].GetProperty("model_version").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
