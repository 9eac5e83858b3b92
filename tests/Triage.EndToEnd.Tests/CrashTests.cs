using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Triage.Api.V1;
using Triage.Client;
using Triage.Grains.Journal;

namespace Triage.EndToEnd.Tests;

/// <summary>The service as its own process, killed with SIGKILL under load: every case it acknowledged is on disk.</summary>
[Trait("Category", "Slow")]
public sealed class CrashTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "triage-crash-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task KillDashNineUnderLoad_EveryAcknowledgedCaseIsStoredWhole_AndTheServiceRestartsOnTheFile()
    {
        var database = Path.Combine(_folder, "triage.db");
        var acknowledged = new ConcurrentBag<string>();
        using var service = await ServiceProcess.StartAsync(new Dictionary<string, string> { ["Storage__SqlitePath"] = database });
        using var stop = new CancellationTokenSource();
        var client = TriageChannel.Create(service.GrpcAddress, TriageServiceHost.KeyA, out var channel);
        using (channel)
        {
            // 16 callers at once, so that appends are group-committed while the process dies.
            var callers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        var reply = await client.AssessAsync(new AssessRequest { Complaint = $"宝宝{1 + ((w + i) % 11)}个月，脸上湿疹两周了" });
                        acknowledged.Add(reply.CaseId);
                    }
                    catch (RpcException)
                    {
                        return;
                    }
                }
            })).ToList();

            var until = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count < 400 && DateTime.UtcNow < until)
            {
                await Task.Delay(20);
            }

            await service.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(callers);
        }

        Assert.True(acknowledged.Count >= 400, $"only {acknowledged.Count} cases acknowledged before the kill");
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=false"))
        {
            await connection.OpenAsync();
            foreach (var caseId in acknowledged)
            {
                var entries = new List<JournalEntry>();
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT seq, type, occurred_at, actor, payload, prev_hash, hash FROM case_events WHERE case_id = $id ORDER BY seq";
                command.Parameters.AddWithValue("$id", Guid.Parse(caseId).ToString("N"));
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    entries.Add(Grains.Storage.JournalRows.ReadEntry(reader, 0));
                }

                Assert.Equal(2, entries.Count);
                Assert.True(HashChain.Verify(entries), caseId);
            }
        }

        // The file the dead process left is whole: a new service reads it, and the audit agrees with the ledger.
        await using var host = await TriageServiceHost.StartAsync(_folder);
        var app = host.Grpc(TriageServiceHost.KeyA);
        foreach (var caseId in acknowledged)
        {
            var stored = await app.GetCaseAsync(new GetCaseRequest { CaseId = caseId });
            Assert.EndsWith("个月，脸上湿疹两周了", stored.Complaint, StringComparison.Ordinal);
            Assert.True(stored.ChainValid);
        }

        var audit = await host.Audit().VerifyAuditAsync(new VerifyAuditRequest());
        Assert.True(audit.Intact, audit.FirstBrokenLink);
        Assert.True(audit.LedgerEntries >= acknowledged.Count * 2);
    }
}
