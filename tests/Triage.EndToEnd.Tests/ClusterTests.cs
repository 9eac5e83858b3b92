using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Npgsql;
using Triage.Api.V1;
using Triage.Client;
using Triage.Grains.Journal;
using Triage.Grains.Tests.Servers;

namespace Triage.EndToEnd.Tests;

/// <summary>
/// Cluster mode as a hospital would run it, on one machine: silos as separate processes, membership
/// in Redis, journals and state in PostgreSQL; a silo killed with SIGKILL under load.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ClusterTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "triage-cluster-" + Guid.NewGuid().ToString("N"));
    private PostgresServer _postgres = null!;
    private RedisServer _redis = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartAsync();
        await _postgres.CreateDatabaseAsync("triage");
        _redis = await RedisServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _redis.Dispose();
        await _postgres.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private Dictionary<string, string> Silo(string name) => new()
    {
        ["Storage__Provider"] = "postgres",
        ["Storage__Postgres"] = _postgres.ConnectionString("triage"),
        ["Storage__SqlitePath"] = Path.Combine(_folder, name, "triage.db"),
        ["Orleans__Membership"] = "redis",
        ["Orleans__Redis"] = _redis.Address,
        ["Orleans__ClusterId"] = "test",
        ["Journal__Keys__cluster1"] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        ["Patients__PseudonymKey"] = "HyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4=",
        ["Audit__CheckpointKey"] = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=",
        ["Auth__ApiKeys__1__AppId"] = "evaluator",
        ["Auth__ApiKeys__1__KeySha256"] = Sha256(TriageServiceHost.KeyEvaluator),
        ["Auth__ApiKeys__1__Roles__0"] = "evaluator",
        ["Auth__ApiKeys__2__AppId"] = "regulator",
        ["Auth__ApiKeys__2__KeySha256"] = Sha256(TriageServiceHost.KeyRegulator),
        ["Auth__ApiKeys__2__Roles__0"] = "regulator",
    };

    private static string Sha256(string key) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    [Fact]
    public async Task AnalyticsAuditAndCheckpoints_OverTheSharedLedger_AnswerAlikeFromEitherSilo_AndATamperedJournalShows()
    {
        var settings = new Dictionary<string, string>(Silo("a")) { ["Audit__CheckpointIntervalSeconds"] = "1" };
        using var a = await ServiceProcess.StartAsync(settings);
        using var b = await ServiceProcess.StartAsync(new Dictionary<string, string>(Silo("b")) { ["Audit__CheckpointIntervalSeconds"] = "1" });
        var channels = new List<Grpc.Net.Client.GrpcChannel>();
        T Client<T>(ServiceProcess silo, string key, Func<CallInvoker, T> make)
        {
            var invoker = TriageChannel.Invoker(silo.GrpcAddress, key, out var channel);
            channels.Add(channel);
            return make(invoker);
        }

        try
        {
            // Seven cases through one silo, five through the other.
            var ids = new List<string>();
            foreach (var (silo, n) in new[] { (a, 7), (b, 5) })
            {
                var triage = Client(silo, TriageServiceHost.KeyA, i => new TriageService.TriageServiceClient(i));
                for (var i = 0; i < n; i++)
                {
                    ids.Add((await triage.AssessAsync(new AssessRequest { Complaint = $"宝宝{1 + i}个月，脸上湿疹两周了" })).CaseId);
                }
            }

            var request = new AnalyticsRequest { From = "2026-01-01", To = "2027-12-31" };
            foreach (var silo in new[] { a, b })
            {
                var volumes = await Client(silo, TriageServiceHost.KeyEvaluator, i => new AnalyticsService.AnalyticsServiceClient(i)).GetVolumesAsync(request);
                Assert.Equal(12, Assert.Single(volumes.Rows).Values["cases"]);
            }

            // Both silos sign the one ledger's head with the shared key; a head is stored once.
            var audit = Client(b, TriageServiceHost.KeyRegulator, i => new AuditService.AuditServiceClient(i));
            var deadline = DateTime.UtcNow.AddSeconds(30);
            string lines;
            do
            {
                await Task.Delay(200);
                lines = (await audit.ExportCheckpointsAsync(new ExportCheckpointsRequest())).Data.ToStringUtf8();
            }
            while (!lines.Contains("\"position\":24", StringComparison.Ordinal) && DateTime.UtcNow < deadline);
            Assert.Contains("\"position\":24", lines, StringComparison.Ordinal);

            var intact = await Client(a, TriageServiceHost.KeyRegulator, i => new AuditService.AuditServiceClient(i)).VerifyAuditAsync(new VerifyAuditRequest());
            Assert.True(intact.Intact, intact.FirstBrokenLink);
            Assert.Equal(24, intact.LedgerEntries);
            Assert.Equal(12, intact.Journals);
            Assert.True(intact.CheckpointsChecked >= 1);

            // Someone with the database's password edits a stored event: either silo's audit names it.
            await using (var connection = new NpgsqlConnection(_postgres.ConnectionString("triage")))
            {
                await connection.OpenAsync();
                await using var edit = new NpgsqlCommand("UPDATE case_events SET actor = 'someone-else' WHERE case_id = $1 AND seq = 2", connection);
                edit.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.Parse(ids[3]) });
                Assert.Equal(1, await edit.ExecuteNonQueryAsync());
            }

            var broken = await audit.VerifyAuditAsync(new VerifyAuditRequest());
            Assert.False(broken.Intact);
            Assert.Equal($"journal {Guid.Parse(ids[3]):N} entry 2: does not verify", broken.FirstBrokenLink);
        }
        finally
        {
            foreach (var c in channels)
            {
                c.Dispose();
            }
        }
    }

    [Fact]
    public async Task KillOneOfTwoSilosUnderLoad_NoAcknowledgedCaseLost_ItsCasesAnswerFromTheSurvivorWithin30s_NoEventDuplicated()
    {
        using var first = await ServiceProcess.StartAsync(Silo("a"));
        using var second = await ServiceProcess.StartAsync(Silo("b"));
        var acknowledged = new ConcurrentBag<string>();
        var toFirst = TriageChannel.Create(first.GrpcAddress, TriageServiceHost.KeyA, out var firstChannel);
        var toSecond = TriageChannel.Create(second.GrpcAddress, TriageServiceHost.KeyA, out var secondChannel);
        using (firstChannel)
        using (secondChannel)
        {
            using var stop = new CancellationTokenSource();
            // Half the callers on each silo: cases are placed on both.
            var callers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
            {
                var client = w % 2 == 0 ? toFirst : toSecond;
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        var reply = await client.AssessAsync(new AssessRequest { Complaint = $"宝宝{1 + ((w + i) % 11)}个月，脸上湿疹两周了" });
                        acknowledged.Add(reply.CaseId);
                    }
                    catch (RpcException)
                    {
                        // The dead silo's callers stop; the survivor's go on through the failover.
                        if (client == toFirst)
                        {
                            return;
                        }
                    }
                }
            })).ToList();

            var until = DateTime.UtcNow.AddSeconds(90);
            while (acknowledged.Count < 400 && DateTime.UtcNow < until)
            {
                await Task.Delay(20);
            }

            await first.KillAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await stop.CancelAsync();
            await Task.WhenAll(callers);

            Assert.True(acknowledged.Count >= 400, $"only {acknowledged.Count} cases acknowledged before the kill");
            // Every acknowledged case answers from the survivor, the dead silo's within 30 s of its death.
            var clock = Stopwatch.StartNew();
            var pending = acknowledged.ToHashSet();
            while (pending.Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                foreach (var caseId in pending.ToList())
                {
                    try
                    {
                        var stored = await toSecond.GetCaseAsync(new GetCaseRequest { CaseId = caseId });
                        Assert.Equal(2, stored.Events.Count);
                        Assert.True(stored.ChainValid);
                        pending.Remove(caseId);
                    }
                    catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.DeadlineExceeded)
                    {
                        await Task.Delay(100);
                        break;
                    }
                }
            }

            Assert.True(pending.Count == 0, $"{pending.Count} acknowledged cases still unanswered 30 s after the kill");
            output.WriteLine($"{acknowledged.Count} cases acknowledged; all answered by the survivor {clock.Elapsed.TotalSeconds + 3:F1} s after the kill");
        }

        // In the shared database: every acknowledged case has exactly its two events, and the one
        // ledger chains over every event exactly once.
        await using var connection = new NpgsqlConnection(_postgres.ConnectionString("triage"));
        await connection.OpenAsync();
        await using (var counts = new NpgsqlCommand("SELECT case_id, count(*) FROM case_events WHERE case_id = ANY($1) GROUP BY case_id", connection))
        {
            counts.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. acknowledged.Select(Guid.Parse)] });
            await using var reader = await counts.ExecuteReaderAsync();
            var seen = 0;
            while (await reader.ReadAsync())
            {
                Assert.Equal(2, reader.GetInt64(1));
                seen++;
            }

            Assert.Equal(acknowledged.Count, seen);
        }

        long events;
        await using (var all = new NpgsqlCommand("SELECT count(*) FROM case_events", connection))
        {
            events = (long)(await all.ExecuteScalarAsync())!;
        }

        await using var ledger = new NpgsqlCommand("SELECT pos, journal_key, seq, entry_hash, prev_hash, hash FROM ledger ORDER BY pos", connection);
        await using var rows = await ledger.ExecuteReaderAsync();
        var previous = Ledger.Genesis;
        long expected = 0;
        while (await rows.ReadAsync())
        {
            Assert.Equal(++expected, rows.GetInt64(0));
            Assert.Equal(previous, rows.GetString(4));
            previous = Ledger.Compute(previous, rows.GetGuid(1), rows.GetInt64(2), rows.GetString(3));
            Assert.Equal(previous, rows.GetString(5));
        }

        Assert.Equal(events, expected);
        Assert.True(expected >= acknowledged.Count * 2);
    }

    [Fact]
    public async Task PostgresRestartedUnderLoad_CallsAreUnavailableMeanwhile_NeverAnError_AndTheServiceRecoversByItself()
    {
        using var silo = await ServiceProcess.StartAsync(Silo("a"));
        var client = TriageChannel.Create(silo.GrpcAddress, TriageServiceHost.KeyA, out var channel);
        using var _ = channel;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{silo.HttpPort}") };
        var acknowledged = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<StatusCode, int>();
        var restartedAt = DateTime.MaxValue;
        var afterRestart = 0;
        using var stop = new CancellationTokenSource();
        var callers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var reply = await client.AssessAsync(new AssessRequest { Complaint = $"宝宝{1 + ((w + i) % 11)}个月，脸上湿疹两周了" }, deadline: DateTime.UtcNow.AddSeconds(10));
                    acknowledged.Add(reply.CaseId);
                    statuses.AddOrUpdate(StatusCode.OK, 1, (_, n) => n + 1);
                    if (DateTime.UtcNow > restartedAt)
                    {
                        Interlocked.Increment(ref afterRestart);
                    }
                }
                catch (RpcException e)
                {
                    statuses.AddOrUpdate(e.StatusCode, 1, (_, n) => n + 1);
                    await Task.Delay(50);
                }
            }
        })).ToList();

        while (acknowledged.Count < 200)
        {
            await Task.Delay(20);
        }

        await _postgres.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        // Over JSON the same outage is a 503.
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/v1/assessments") { Content = new StringContent("{\"complaint\":\"宝宝湿疹\"}", System.Text.Encoding.UTF8, "application/json") })
        {
            request.Headers.Add("x-api-key", TriageServiceHost.KeyA);
            using var response = await http.SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        await _postgres.StartServerAsync();
        restartedAt = DateTime.UtcNow;
        var until = DateTime.UtcNow.AddSeconds(30);
        while (Volatile.Read(ref afterRestart) < 100 && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        await Task.WhenAll(callers);
        output.WriteLine(string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value}")) + $"; {afterRestart} acknowledged after the restart");

        Assert.True(afterRestart >= 100, $"only {afterRestart} cases acknowledged in the 30 s after PostgreSQL came back");
        Assert.True(statuses.GetValueOrDefault(StatusCode.Unavailable) > 0, "the outage was never seen");
        Assert.Equal([StatusCode.OK, StatusCode.Unavailable], statuses.Keys.Order());
        await using var connection = new NpgsqlConnection(_postgres.ConnectionString("triage"));
        await connection.OpenAsync();
        await using var counts = new NpgsqlCommand("SELECT count(DISTINCT case_id), count(*) FROM case_events WHERE case_id = ANY($1)", connection);
        counts.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. acknowledged.Select(Guid.Parse)] });
        await using var reader = await counts.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(acknowledged.Count, reader.GetInt64(0));
        Assert.Equal(acknowledged.Count * 2, reader.GetInt64(1));
    }

    [Fact]
    public async Task RollingRestartOfEverySiloUnderLoad_LosesNothing()
    {
        var silos = new List<ServiceProcess> { await ServiceProcess.StartAsync(Silo("a")), await ServiceProcess.StartAsync(Silo("b")) };
        var channels = new List<Grpc.Net.Client.GrpcChannel>();
        TriageService.TriageServiceClient Client(ServiceProcess silo)
        {
            var client = TriageChannel.Create(silo.GrpcAddress, TriageServiceHost.KeyA, out var channel);
            channels.Add(channel);
            return client;
        }

        // The callers go to the silos in service now; the test takes one out before stopping it, as a load balancer would.
        var live = silos.Select(Client).ToArray();
        var acknowledged = new ConcurrentBag<string>();
        var errors = 0;
        using var stop = new CancellationTokenSource();
        var callers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var clients = Volatile.Read(ref live);
                try
                {
                    var reply = await clients[(w + i) % clients.Length].AssessAsync(new AssessRequest { Complaint = $"宝宝{1 + ((w + i) % 11)}个月，脸上湿疹两周了" }, deadline: DateTime.UtcNow.AddSeconds(10));
                    acknowledged.Add(reply.CaseId);
                }
                catch (RpcException)
                {
                    Interlocked.Increment(ref errors);
                    await Task.Delay(50);
                }
            }
        })).ToList();

        try
        {
            for (var s = 0; s < silos.Count; s++)
            {
                var before = acknowledged.Count;
                while (acknowledged.Count < before + 150)
                {
                    await Task.Delay(20);
                }

                Volatile.Write(ref live, [.. silos.Where((_, k) => k != s).Select(Client)]);
                await silos[s].StopAsync();
                silos[s].Dispose();
                silos[s] = await ServiceProcess.StartAsync(Silo(s == 0 ? "a" : "b"));
                Volatile.Write(ref live, [.. silos.Select(Client)]);
            }

            var last = acknowledged.Count;
            while (acknowledged.Count < last + 150)
            {
                await Task.Delay(20);
            }

            await stop.CancelAsync();
            await Task.WhenAll(callers);
            output.WriteLine($"{acknowledged.Count} cases acknowledged across the restart of both silos; {errors} calls refused");

            // Every acknowledged case, read through the restarted silos, whole.
            var reader = Client(silos[1]);
            foreach (var caseId in acknowledged)
            {
                var stored = await reader.GetCaseAsync(new GetCaseRequest { CaseId = caseId });
                Assert.Equal(2, stored.Events.Count);
                Assert.True(stored.ChainValid);
            }
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var c in channels)
            {
                c.Dispose();
            }

            foreach (var silo in silos)
            {
                silo.Dispose();
            }
        }
    }
}
