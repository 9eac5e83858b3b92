using System.Net;
using System.Text;
using Google.Protobuf;
using Microsoft.Data.Sqlite;

namespace Triage.EndToEnd.Tests;

/// <summary>
/// A thousand random and mutated requests: the service never answers 5xx, keeps answering, and
/// never leaves a case half-written (every opened case has its decision in the journal).
/// </summary>
public class RandomInputTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private static readonly string[] Seeds =
    [
        """{"complaint":"宝宝8个月，脸上湿疹两周了","patient":{"ageMonths":8,"sex":"female","province":"北京"},"guardianPresent":true,"preferredHospital":"BCH","patientReference":"p1"}""",
        """{"complaint":"孩子3岁，突然抽搐","patient":{"birthDate":"2023-05-01"}}""",
        """{"complaint":"My 5-year-old has eczema","patient":{"ageDays":1900,"sex":"male"}}""",
    ];

    [Fact]
    public async Task Fuzz_TwoThousandRandomAndMutatedRequests_NoServerErrorAndNoHalfWrittenCase()
    {
        var random = new Random(20261201);
        var host = fixture.Host;
        var statuses = new Dictionary<HttpStatusCode, int>();
        for (var i = 0; i < 2000; i++)
        {
            var request = host.Json(HttpMethod.Post, i % 10 == 9 ? $"/v1/cases/{Guid.NewGuid()}/answers" : "/v1/assessments");
            request.Content = new ByteArrayContent(Mutate(random, Encoding.UTF8.GetBytes(Seeds[random.Next(Seeds.Length)])));
            request.Content.Headers.ContentType = new(random.Next(20) == 0 ? "text/plain" : "application/json");
            using var response = await host.Http.SendAsync(request);
            Assert.True((int)response.StatusCode < 500, $"request {i} got {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                // Every refusal names a field, and an unreadable body is refused before transcoding guesses.
                var problem = await response.Content.ReadAsStringAsync();
                Assert.Contains("\"field\":", problem);
                Assert.DoesNotContain("not correctly formatted", problem);
            }

            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
        }

        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > 100, "some mutations stay valid");
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > 600, "most mutations are rejected");
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.UnsupportedMediaType) > 0, "a wrong media type is 415");

        using var ok = await host.Http.SendAsync(host.Json(HttpMethod.Post, "/v1/assessments", Seeds[0]));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(fixture.DataFolder, "triage.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM (SELECT case_id FROM case_events GROUP BY case_id
            HAVING SUM(type = 'case_opened') <> 1 OR SUM(type = 'assessed') < 1 OR MIN(seq) <> 1 OR MAX(seq) <> COUNT(*))
            """;
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Fuzz_FiveHundredMalformedGrpcMessages_NeverUnknownNorInternal()
    {
        var random = new Random(20261202);
        using var http = new HttpClient();
        var valid = new Api.V1.AssessRequest { Complaint = "宝宝8个月，脸上湿疹两周了", GuardianPresent = true }.ToByteArray();
        var codes = new Dictionary<string, int>();
        for (var i = 0; i < 500; i++)
        {
            byte[] payload;
            var declared = -1;
            var compressed = false;
            switch (i % 5)
            {
                case 0: // random bytes
                    payload = new byte[random.Next(1, 200)];
                    random.NextBytes(payload);
                    break;
                case 1: // a valid message with bytes flipped
                    payload = [.. valid];
                    for (var f = 0; f < 1 + random.Next(4); f++)
                    {
                        payload[random.Next(payload.Length)] ^= (byte)random.Next(1, 256);
                    }

                    break;
                case 2: // the frame says more than it carries
                    payload = [.. valid];
                    declared = payload.Length + random.Next(1, 1000);
                    break;
                case 3: // over the size limit
                    payload = new byte[70_000 + random.Next(10_000)];
                    payload[0] = 0x0a; // field 1, length-delimited
                    break;
                default: // flagged compressed, with no compression agreed
                    payload = [.. valid];
                    compressed = true;
                    break;
            }

            var frame = new byte[5 + payload.Length];
            frame[0] = compressed ? (byte)1 : (byte)0;
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), declared >= 0 ? declared : payload.Length);
            payload.CopyTo(frame, 5);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Host.GrpcAddress, "/triage.v1.TriageService/Assess"))
            {
                Content = new ByteArrayContent(frame),
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
            request.Content.Headers.ContentType = new("application/grpc");
            request.Headers.Add("x-api-key", TriageServiceHost.KeyA);
            request.Headers.TE.ParseAdd("trailers");
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            var status = response.TrailingHeaders.TryGetValues("grpc-status", out var t) ? t.First()
                : response.Headers.TryGetValues("grpc-status", out var h) ? h.First() : $"http {(int)response.StatusCode}";
            codes[status] = codes.GetValueOrDefault(status) + 1;
        }

        var summary = string.Join(", ", codes.Select(c => $"{c.Key}: {c.Value}"));
        Assert.False(codes.ContainsKey("2"), "UNKNOWN: " + summary);
        Assert.False(codes.ContainsKey("13"), "INTERNAL: " + summary);
        Assert.True(codes.GetValueOrDefault("3") > 0 && codes.GetValueOrDefault("8") > 0, summary);
        Assert.All(codes.Keys, k => Assert.False(k.StartsWith("http 5", StringComparison.Ordinal), summary));
    }

    private static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = new List<byte>(seed);
        var edits = random.Next(0, 4);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveAt(at); break;
                case 2: bytes.Insert(at, (byte)random.Next(256)); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                default: bytes.InsertRange(at, Encoding.UTF8.GetBytes(random.Next(2) == 0 ? "\"ageDays\":-5," : "{\"x\":")); break;
            }
        }

        return [.. bytes];
    }
}
