using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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
        var (grpcPort, process) = await StartServiceAsync(database);
        try
        {
            using var stop = new CancellationTokenSource();
            var client = TriageChannel.Create(new Uri($"http://127.0.0.1:{grpcPort}"), TriageServiceHost.KeyA, out var channel);
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

                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                await stop.CancelAsync();
                await Task.WhenAll(callers);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
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
                    entries.Add(Grains.Storage.SqliteJournal.ReadEntry(reader, 0));
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

    private static async Task<(int GrpcPort, Process Process)> StartServiceAsync(string database)
    {
        int grpcPort = FreePort(), httpPort = FreePort(), siloPort = FreePort(), gatewayPort = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Triage.Silo.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        // The same booking app as the in-process host that reads the file afterwards.
        start.Environment["Auth__ApiKeys__0__AppId"] = "app-a";
        start.Environment["Auth__ApiKeys__0__KeySha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(TriageServiceHost.KeyA)));
        start.Environment["Auth__ApiKeys__0__Roles__0"] = "booking_app";
        start.Environment["Storage__SqlitePath"] = database;
        start.Environment["Api__GrpcPort"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Api__HttpPort"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Orleans__SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/v1/admin/model", UriKind.Relative));
                return (grpcPort, process);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
            catch (TaskCanceledException)
            {
                await Task.Delay(200);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("the service process did not start listening within 60 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
