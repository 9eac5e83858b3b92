using System.Net;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Triage.Api.V1;

namespace Triage.EndToEnd.Tests;

public class BadInputTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private TriageServiceHost Host => fixture.Host;

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"complaint":""}""", "complaint" },
        { """{"complaint":"   "}""", "complaint" },
        { "{\"complaint\":\"" + new string('痒', 4001) + "\"}", "complaint" },
        { """{"complaint":"宝宝湿疹","patient":{"ageDays":-1}}""", "patient.age_days" },
        { """{"complaint":"宝宝湿疹","patient":{"ageMonths":999}}""", "patient.age_months" },
        { """{"complaint":"宝宝湿疹","patient":{"birthDate":"2030-01-01"}}""", "patient.birth_date" },
        { """{"complaint":"宝宝湿疹","patient":{"birthDate":"yesterday"}}""", "patient.birth_date" },
        { """{"complaint":"宝宝湿疹","patient":{"ageDays":3,"ageMonths":1}}""", "patient" },
        { """{"complaint":"宝宝湿疹","patient":{"sex":"bogus"}}""", "patient.sex" },
        { """{"complaint":"宝宝湿疹","guardianPresent":"yes"}""", "guardian_present" },
        { """{"complaint":"宝宝湿疹","patient":{"ageMonths":"abc"}}""", "patient.age_months" },
        { """{"complaint":"宝宝湿疹","patient":{"sex":7}}""", "patient.sex" },
        { """{"complaint":""", "body" },
        { """[1,2,3]""", "body" },
        { "{\"complaint\":\"a\\u0001b\"}", "complaint" },
        { "{\"complaint\":\"a\u0001b\"}", "body" },
        { "{\"complaint\":\"x\",\"patientReference\":\"" + new string('r', 129) + "\"}", "patient_reference" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Assess_BadJsonBody_Is400ProblemNamingTheField(string body, string field)
    {
        using var response = await Host.Http.SendAsync(Host.Json(HttpMethod.Post, "/v1/assessments", body));
        await AssertProblemAsync(response, field);
    }

    [Fact]
    public async Task Assess_InvalidUtf8_Is400Problem()
    {
        var request = Host.Json(HttpMethod.Post, "/v1/assessments");
        request.Content = new ByteArrayContent([.. "{\"complaint\":\""u8.ToArray(), 0xff, 0xfe, 0xc3, .. "\"}"u8.ToArray()]);
        request.Content.Headers.ContentType = new("application/json");
        using var response = await Host.Http.SendAsync(request);
        await AssertProblemAsync(response, "body");
    }

    [Fact]
    public async Task Assess_WrongContentType_Is415ProblemNamingTheContentType()
    {
        var request = Host.Json(HttpMethod.Post, "/v1/assessments");
        request.Content = new StringContent("complaint=x", Encoding.UTF8, "text/plain");
        using var response = await Host.Http.SendAsync(request);
        await AssertProblemAsync(response, "content-type", HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Assess_Utf16Charset_Is415_NotAnInternalError()
    {
        var request = Host.Json(HttpMethod.Post, "/v1/assessments");
        request.Content = new StringContent("""{"complaint":"湿疹"}""", Encoding.Unicode, "application/json");
        using var response = await Host.Http.SendAsync(request);
        await AssertProblemAsync(response, "content-type", HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Assess_BodyOverTheLimit_Is413()
    {
        using var response = await Host.Http.SendAsync(Host.Json(HttpMethod.Post, "/v1/assessments", "{\"complaint\":\"" + new string('a', 70_000) + "\"}"));
        await AssertProblemAsync(response, "body", HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Assess_BadEnumValue_ListsTheValidNamesAndNeverEchoesTheValue()
    {
        using var response = await Host.Http.SendAsync(Host.Json(HttpMethod.Post, "/v1/assessments", """{"complaint":"宝宝湿疹","patient":{"sex":"张小明 身份证110101"}}"""));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("female, male", body);
        Assert.DoesNotContain("张小明", body);
        Assert.DoesNotContain("110101", body);
    }

    [Fact]
    public async Task Answer_CaseIdNotAUuid_Is400Problem()
    {
        using var response = await Host.Http.SendAsync(Host.Json(HttpMethod.Post, "/v1/cases/not-a-uuid/answers", """{"addedText":"x"}"""));
        await AssertProblemAsync(response, "case_id");
    }

    [Fact]
    public async Task Assess_EmptyComplaintOverGrpc_IsInvalidArgumentNamingTheField()
    {
        var e = await Assert.ThrowsAsync<RpcException>(async () => await Host.Grpc().AssessAsync(new AssessRequest { Complaint = string.Empty }));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.StartsWith("complaint:", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_UnknownEnumNumberOverGrpc_IsInvalidArgument()
    {
        var e = await Assert.ThrowsAsync<RpcException>(async () => await Host.Grpc().AssessAsync(new AssessRequest { Complaint = "宝宝湿疹", Patient = new Patient { Sex = (Sex)42 } }));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.StartsWith("patient.sex:", e.Status.Detail, StringComparison.Ordinal);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string field, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, doc.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(field, doc.RootElement.GetProperty("field").GetString());
    }
}
