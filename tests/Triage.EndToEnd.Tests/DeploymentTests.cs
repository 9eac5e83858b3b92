extern alias silo;

using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Triage.Api.V1;

namespace Triage.EndToEnd.Tests;

/// <summary>Outside Development the service refuses demo keys and cleartext off loopback; with a certificate it serves gRPC and JSON on one TLS port.</summary>
public sealed class DeploymentTests
{
    [Fact]
    public async Task Start_OutsideDevelopmentWithADemoKey_IsRefusedNamingTheSetting()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new()
        {
            ["Auth:ApiKeys:7:AppId"] = "demo-booking-app",
            ["Auth:ApiKeys:7:KeySha256"] = "090d1548c9d65f413a1a2c828a0bee3a7ae02d2137caf51e6029e6c3cb1f1fa4",
            ["Auth:ApiKeys:7:Roles:0"] = "booking_app",
        }));

        Assert.StartsWith("Auth:ApiKeys: demo-booking-app uses a published demo key", e.Message);
    }

    [Fact]
    public async Task Start_OutsideDevelopmentOnAnyAddressWithoutTls_IsRefusedNamingTheSetting()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new() { ["Api:Address"] = "0.0.0.0" }));

        Assert.StartsWith("Api:Address: a non-loopback address needs TLS", e.Message);
    }

    [Fact]
    public async Task Tls_OnePortServesJsonOverHttp11AndGrpcOverHttp2()
    {
        var folder = Directory.CreateTempSubdirectory("triage-e2e-tls-").FullName;
        using var certificate = TestCertificate();
        var pfx = Path.Combine(folder, "server.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-password"));
        var host = await StartAsync(new()
        {
            ["Api:Address"] = "0.0.0.0",
            ["Api:HttpsPort"] = "0",
            ["Api:Certificate:Path"] = pfx,
            ["Api:Certificate:Password"] = "test-password",
        }, folder);
        try
        {
            var port = host.Services.GetRequiredService<silo::Triage.Silo.Hosting.ApiEndpoints>().HttpPort;
            SocketsHttpHandler Trusting()
            {
                var handler = new SocketsHttpHandler();
                handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
                return handler;
            }

            using var http = new HttpClient(Trusting()) { BaseAddress = new Uri($"https://127.0.0.1:{port}") };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/assessments") { Content = JsonContent.Create(new { complaint = "宝宝8个月，脸上湿疹两周了，不发烧，吃奶睡觉都好", guardianPresent = true }) };
            request.Headers.Add("x-api-key", TriageServiceHost.KeyA);
            using var json = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, json.StatusCode);
            Assert.Equal(new Version(1, 1), json.Version);

            using var channel = GrpcChannel.ForAddress($"https://127.0.0.1:{port}", new GrpcChannelOptions { HttpHandler = Trusting() });
            var client = new TriageService.TriageServiceClient(channel);
            var reply = await client.AssessAsync(new AssessRequest { Complaint = "宝宝湿疹两周", GuardianPresent = true }, new Grpc.Core.Metadata { { "x-api-key", TriageServiceHost.KeyA } });
            Assert.False(string.IsNullOrEmpty(reply.CaseId));

            using var cleartext = new HttpClient();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => cleartext.GetAsync(new Uri($"http://127.0.0.1:{port}/v1/cases/x")));
        }
        finally
        {
            await host.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<TriageServiceHost> StartAsync(Dictionary<string, string?> overrides, string? folder = null) =>
        await TriageServiceHost.StartAsync(folder ?? Path.Combine(Path.GetTempPath(), "triage-e2e-deploy-" + Guid.NewGuid().ToString("N")), overrides);

    // A self-signed certificate for 127.0.0.1 made by the test itself, valid for a day.
    private static X509Certificate2 TestCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=triage-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddHours(-1), now.AddDays(1));
    }
}
