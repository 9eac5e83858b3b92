using System.Text.Json;
using Grpc.Core;

namespace Triage.Silo.Api;

/// <summary>
/// On the JSON port, rewrites every error into an RFC 7807 problem body
/// (<c>application/problem+json</c>) that names the offending field, whether the error came from
/// our validation, from JSON transcoding (malformed JSON, wrong content type, unknown enum) or
/// from authentication. gRPC callers keep gRPC statuses.
/// </summary>
public sealed class JsonProblemMiddleware(RequestDelegate next)
{
    /// <summary>Runs the pipeline and rewrites error responses.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await RewriteAsync(context);
        }
        catch (Exception e) when (CallerWentAway(context, e))
        {
            // A caller that closed its connection mid-request (a load generator stopping, a phone losing
            // signal) caused this, not the service: no error in the log, no stack trace.
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
            }
        }
    }

    private static bool CallerWentAway(HttpContext context, Exception e) =>
        e is BadHttpRequestException or IOException
        || (e is OperationCanceledException && context.RequestAborted.IsCancellationRequested);

    private async Task RewriteAsync(HttpContext context)
    {
        // gRPC callers keep gRPC statuses; JSON may come over HTTP/1.1 or, on the TLS port, HTTP/2.
        // Endpoints whose answers are their own (health reports, metrics) are left alone.
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true
            || context.GetEndpoint()?.Metadata.GetMetadata<OwnResponseBody>() is not null)
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        await using var body = new ErrorCapturingStream(context.Response, original);
        context.Response.Body = body;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode < 400 || !body.Rewritable)
        {
            return;
        }

        var (code, message) = ReadStatus(body.Held, context.Response.StatusCode);
        var field = Field(message, context.Response.StatusCode);
        // The JSON reader's own errors quote the value sent ("Error converting value \"…\""): only the path is kept.
        if (JsonPath(message) is { } path)
        {
            field = path;
            message = $"{path}: not a valid value";
        }
        else if (message.StartsWith("Error converting value", StringComparison.Ordinal))
        {
            // An enum name the contract does not have: the reader names the type, not the field.
            message = "body: a value is not one of the names the API defines for it (\"online\", \"dermatology\", \"female\"...)";
        }

        var problem = new Dictionary<string, object?>
        {
            ["type"] = $"https://grpc.github.io/grpc/core/md_doc_statuscodes.html#{code}",
            ["title"] = Title(context.Response.StatusCode),
            ["status"] = context.Response.StatusCode,
            ["detail"] = message,
            ["field"] = field,
            ["grpcStatus"] = code.ToString(),
            ["traceId"] = context.TraceIdentifier,
        };
        context.Response.ContentLength = null;
        context.Response.ContentType = "application/problem+json";
        await JsonSerializer.SerializeAsync(original, problem, cancellationToken: context.RequestAborted);
    }

    private static (StatusCode Code, string Message) ReadStatus(byte[] body, int httpStatus)
    {
        try
        {
            if (body.Length > 0)
            {
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.TryGetProperty("code", out var c) && doc.RootElement.TryGetProperty("message", out var m))
                {
                    return ((StatusCode)c.GetInt32(), m.GetString() ?? string.Empty);
                }
            }
        }
        catch (JsonException)
        {
            // Not a status body: fall through to the HTTP status alone.
        }

        return httpStatus switch
        {
            401 => (StatusCode.Unauthenticated, "x-api-key: missing or unknown API key"),
            403 => (StatusCode.PermissionDenied, "the caller's role does not allow this call"),
            404 => (StatusCode.NotFound, "no such route"),
            405 => (StatusCode.Unimplemented, "method not allowed on this route"),
            413 => (StatusCode.ResourceExhausted, "body: request too large"),
            415 => (StatusCode.InvalidArgument, "content-type: must be application/json"),
            429 => (StatusCode.ResourceExhausted, "x-api-key: too many requests; retry after the seconds in Retry-After"),
            _ => (StatusCode.Internal, "internal error"),
        };
    }

    // Our messages start with the field ("patient.age_days: must be..."); transcoding's do not.
    private static string Field(string message, int httpStatus)
    {
        if (message.Contains("content type", StringComparison.OrdinalIgnoreCase))
        {
            return "content-type";
        }

        var colon = message.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && !message[..colon].Contains(' ', StringComparison.Ordinal))
        {
            return message[..colon];
        }

        if (message.StartsWith("Error converting value", StringComparison.Ordinal) || message.Contains("JSON", StringComparison.Ordinal))
        {
            return "body";
        }

        return httpStatus == 401 ? "x-api-key" : "body";
    }

    // "… Path: $.patient.sex | LineNumber …" or "… Path '$.licenceSpecialties[0]' …": the field in the API's spelling ("licence_specialties[0]").
    private static string? JsonPath(string message)
    {
        var at = message.IndexOf("$.", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var end = at + 2;
        while (end < message.Length && (char.IsAsciiLetterOrDigit(message[end]) || message[end] is '.' or '[' or ']' or '_'))
        {
            end++;
        }

        var path = message[(at + 2)..end].TrimEnd('.');
        if (path.Length == 0)
        {
            return null;
        }

        var snake = new System.Text.StringBuilder(path.Length + 8);
        foreach (var c in path)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                snake.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                snake.Append(c);
            }
        }

        return snake.ToString();
    }

    private static string Title(int status) => status switch
    {
        400 => "Invalid request",
        401 => "Unauthenticated",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        413 => "Request too large",
        415 => "Unsupported media type",
        429 => "Too many requests",
        _ => "Request failed",
    };
}
