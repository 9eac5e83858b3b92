using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Triage.Api.V1;
using Triage.Client;

namespace Triage.EndToEnd.Tests;

/// <summary>
/// Traces leave over OTLP (HTTP/protobuf) to a collector: here a loopback listener standing in for
/// the hospital's collector, which cannot run here. The service runs as its own process.
/// </summary>
public sealed class TracingTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "triage-tracing-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task Traces_GoToTheConfiguredCollector_WithTheRouteTemplate_AndNeitherCaseIdsNorComplaints()
    {
        var port = ServiceProcess.FreePort();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = new ConcurrentQueue<byte[]>();
        var listening = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await collector.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                received.Enqueue(body.ToArray());
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        using (var service = await ServiceProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage__SqlitePath"] = Path.Combine(_data, "triage.db"),
            ["Telemetry__OtlpEndpoint"] = $"http://127.0.0.1:{port}/v1/traces",
            ["Telemetry__OtlpProtocol"] = "http/protobuf",
        }))
        {
            var triage = TriageChannel.Create(service.GrpcAddress, TriageServiceHost.KeyA, out var channel);
            using var _ = channel;
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{service.HttpPort}") };
            var reply = await triage.AssessAsync(new AssessRequest { Complaint = "宝宝8个月，脸上湿疹两周了，不发烧，吃奶睡觉都好" });
            using var get = new HttpRequestMessage(HttpMethod.Get, $"/v1/cases/{reply.CaseId}");
            get.Headers.Add(TriageChannel.ApiKeyHeader, TriageServiceHost.KeyA);
            using (var json = await http.SendAsync(get))
            {
                Assert.Equal(HttpStatusCode.OK, json.StatusCode);
            }

            // The exporter sends every few seconds; a stopping service sends what it holds.
            await service.StopAsync();
            var all = Encoding.UTF8.GetString([.. received.SelectMany(b => b)]);
            Assert.Contains("/v1/cases/{case_id}", all, StringComparison.Ordinal);
            Assert.DoesNotContain(reply.CaseId, all, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(reply.CaseId.Replace("-", string.Empty, StringComparison.Ordinal), all, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("湿疹", all, StringComparison.Ordinal);
        }

        collector.Stop();
        await listening;
    }
}
