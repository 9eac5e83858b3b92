extern alias silo;

using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using silo::Triage.Silo.Api;

namespace Triage.Silo.Tests.Api;

/// <summary>Every error on the JSON port becomes a problem body naming the field, without the value sent.</summary>
public class JsonProblemMiddlewareTests
{
    private static async Task<(HttpContext Context, JsonElement Problem)> RunAsync(int status, string? body)
    {
        var context = new DefaultHttpContext();
        context.Request.Protocol = "HTTP/1.1";
        var output = new MemoryStream();
        context.Response.Body = output;
        var middleware = new JsonProblemMiddleware(async c =>
        {
            c.Response.StatusCode = status;
            if (body is not null)
            {
                await c.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
            }
        });

        await middleware.InvokeAsync(context);

        return (context, JsonDocument.Parse(output.ToArray()).RootElement.Clone());
    }

    [Fact]
    public async Task InvokeAsync_ValidationStatus_NamesTheFieldInAProblemBody()
    {
        var (context, problem) = await RunAsync(400, """{"code":3,"message":"patient.age_months: must be between 0 and 300"}""");

        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal("patient.age_months", problem.GetProperty("field").GetString());
        Assert.Equal("InvalidArgument", problem.GetProperty("grpcStatus").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task InvokeAsync_JsonReaderErrorQuotingTheValue_KeepsOnlyThePath()
    {
        var (_, problem) = await RunAsync(400, """{"code":3,"message":"Error converting value \"张小明 13800000000\" to type 'Sex'. Path: $.patient.sex | LineNumber: 0"}""");

        Assert.Equal("patient.sex", problem.GetProperty("field").GetString());
        Assert.DoesNotContain("张小明", problem.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("13800000000", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_UnauthenticatedWithoutBody_NamesTheKeyHeader()
    {
        var (_, problem) = await RunAsync(401, null);

        Assert.Equal("x-api-key", problem.GetProperty("field").GetString());
        Assert.Equal("Unauthenticated", problem.GetProperty("grpcStatus").GetString());
    }
}
