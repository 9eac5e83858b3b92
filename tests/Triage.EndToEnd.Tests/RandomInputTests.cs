using System.Net;
using System.Text;
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
    public async Task Fuzz_ThousandRandomAndMutatedRequests_NoServerErrorAndNoHalfWrittenCase()
    {
        var random = new Random(20261201);
        var host = fixture.Host;
        var statuses = new Dictionary<HttpStatusCode, int>();
        for (var i = 0; i < 1000; i++)
        {
            var request = host.Json(HttpMethod.Post, i % 10 == 9 ? $"/v1/cases/{Guid.NewGuid()}/answers" : "/v1/assessments");
            request.Content = new ByteArrayContent(Mutate(random, Encoding.UTF8.GetBytes(Seeds[random.Next(Seeds.Length)])));
            request.Content.Headers.ContentType = new(random.Next(20) == 0 ? "text/plain" : "application/json");
            using var response = await host.Http.SendAsync(request);
            Assert.True((int)response.StatusCode < 500, $"request {i} got {(int)response.StatusCode}");
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
        }

        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > 50, "some mutations stay valid");
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > 300, "most mutations are rejected");

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
