using System.Net;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Triage.Api.V1;

namespace Triage.EndToEnd.Tests;

/// <summary>Abuse is refused: a caller over its rate, and an address guessing keys, get 429 with Retry-After (gRPC: RESOURCE_EXHAUSTED).</summary>
public sealed class RateLimitTests
{
    private static readonly Dictionary<string, string?> Tight = new()
    {
        ["Api:RateLimit:PerCallerPerSecond"] = "1",
        ["Api:RateLimit:PerCallerBurst"] = "5",
        ["Api:RateLimit:FailedAuthenticationsPerMinute"] = "3",
    };

    [Fact]
    public async Task Caller_OverItsRate_Gets429WithRetryAfter_OtherCallersDoNot()
    {
        await WithHostAsync(async host =>
        {
            var statuses = new List<HttpStatusCode>();
            HttpResponseMessage? refused = null;
            for (var i = 0; i < 8; i++)
            {
                var response = await host.Http.SendAsync(host.Json(HttpMethod.Get, $"/v1/cases/{Guid.NewGuid()}", apiKey: TriageServiceHost.KeyA));
                statuses.Add(response.StatusCode);
                refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
            }

            Assert.Equal(HttpStatusCode.NotFound, statuses[0]);
            Assert.NotNull(refused);
            Assert.True(refused!.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            Assert.Contains("\"field\":\"x-api-key\"", await refused.Content.ReadAsStringAsync());
            using var other = await host.Http.SendAsync(host.Json(HttpMethod.Get, $"/v1/cases/{Guid.NewGuid()}", apiKey: TriageServiceHost.KeyEvaluator));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);

            var grpc = host.Grpc(TriageServiceHost.KeyB);
            var codes = new List<StatusCode>();
            for (var i = 0; i < 8; i++)
            {
                try
                {
                    await grpc.GetCaseAsync(new GetCaseRequest { CaseId = Guid.NewGuid().ToString() });
                }
                catch (RpcException e)
                {
                    codes.Add(e.StatusCode);
                }
            }

            Assert.Equal(StatusCode.NotFound, codes[0]);
            Assert.Equal(StatusCode.ResourceExhausted, codes[^1]);
        });
    }

    [Fact]
    public async Task AddressGuessingKeys_IsRefused_EvenWithARightKeyAfterwards()
    {
        await WithHostAsync(async host =>
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 5; i++)
            {
                using var response = await host.Http.SendAsync(host.Json(HttpMethod.Get, $"/v1/cases/{Guid.NewGuid()}", apiKey: "guess-" + i));
                statuses.Add(response.StatusCode);
            }

            using var right = await host.Http.SendAsync(host.Json(HttpMethod.Get, $"/v1/cases/{Guid.NewGuid()}", apiKey: TriageServiceHost.KeyA));

            Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
            Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
            Assert.True(right.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        });
    }

    private static async Task WithHostAsync(Func<TriageServiceHost, Task> test)
    {
        var folder = Path.Combine(Path.GetTempPath(), "triage-e2e-limit-" + Guid.NewGuid().ToString("N"));
        await using (var host = await TriageServiceHost.StartAsync(folder, Tight))
        {
            await test(host);
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
