using System.Text.Json;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.Extensions.Options;
using Triage.Silo.Hosting;

namespace Triage.Silo.Api;

/// <summary>
/// Checks a JSON request body against the rpc's request message before transcoding reads it, so that
/// every error names the field by its path (<c>patient.sex</c>, <c>items[1].drug</c>) and says what
/// is allowed, never what was sent: too large is 413, a media type or charset other than JSON in
/// UTF-8 is 415, malformed JSON and wrong types are 400. Transcoding then only sees bodies it can
/// read, so nothing a caller sends reaches the log as a stack trace.
/// </summary>
public sealed class JsonBodyGuard(RequestDelegate next, IOptions<ApiOptions> options)
{
    private const int MaxDepth = 16;

    /// <summary>Checks the body, or answers the error.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rule = context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>();
        if (rule is null || string.IsNullOrEmpty(rule.HttpRule.Body)
            || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsDelete(context.Request.Method))
        {
            await next(context);
            return;
        }

        var limit = options.Value.MaxRequestBytes;
        if (context.Request.ContentLength > limit)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, 8, $"body: larger than {limit} bytes");
            return;
        }

        if (MediaProblem(context.Request.ContentType) is { } media)
        {
            await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, 3, media);
            return;
        }

        (int Status, int Code, string Message)? Refusal(ReadOnlyMemory<byte>? body) =>
            body is not { } json ? (StatusCodes.Status413PayloadTooLarge, 8, $"body: larger than {limit} bytes")
            : Problem(json, rule.MethodDescriptor.InputType, rule.HttpRule.Body) is { } problem ? (StatusCodes.Status400BadRequest, 3, problem)
            : null;

        if (await RequestBody.CheckAsync(context, limit, Refusal) is { } refusal)
        {
            await RefuseAsync(context, refusal.Status, refusal.Code, refusal.Message);
            return;
        }

        await next(context);
    }

    /// <summary>What is wrong with <paramref name="json"/> as the body of <paramref name="message"/>, naming the path; null when it can be read.</summary>
    internal static string? Problem(ReadOnlyMemory<byte> json, MessageDescriptor message, string bodyField = "*")
    {
        ArgumentNullException.ThrowIfNull(message);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            return $"body: not valid JSON in UTF-8 (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})";
        }

        using (document)
        {
            try
            {
                if (bodyField == "*")
                {
                    return document.RootElement.ValueKind == JsonValueKind.Object ? CheckMessage(document.RootElement, message, string.Empty) : "body: must be a JSON object";
                }

                var field = message.FindFieldByName(bodyField);
                return field is null ? null : CheckValue(document.RootElement, field, field.Name);
            }
            catch (InvalidOperationException)
            {
                // The reader checks UTF-8 inside strings only when it decodes them.
                return "body: not valid JSON in UTF-8";
            }
        }
    }

    private static string? MediaProblem(string? contentType)
    {
        const string Expected = "content-type: must be application/json; charset=utf-8";
        if (string.IsNullOrEmpty(contentType) || !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return Expected;
        }

        var type = media.MediaType.Value ?? string.Empty;
        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        var charset = media.Charset.Value;
        return json && (string.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)) ? null : Expected;
    }

    private static string? CheckMessage(JsonElement element, MessageDescriptor message, string path)
    {
        foreach (var property in element.EnumerateObject())
        {
            var field = message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == property.Name || f.Name == property.Name);
            if (field is null)
            {
                continue; // unknown names are not read
            }

            var at = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            if (CheckValue(property.Value, field, at) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? CheckValue(JsonElement value, FieldDescriptor field, string path)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (field.IsMap)
        {
            return value.ValueKind == JsonValueKind.Object ? null : $"{path}: must be a JSON object";
        }

        if (field.IsRepeated)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                return $"{path}: must be a JSON array";
            }

            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (CheckSingle(item, field, $"{path}[{i++}]") is { } problem)
                {
                    return problem;
                }
            }

            return null;
        }

        return CheckSingle(value, field, path);
    }

    private static string? CheckSingle(JsonElement value, FieldDescriptor field, string path)
    {
        switch (field.FieldType)
        {
            case FieldType.Bool:
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : $"{path}: must be true or false";
            case FieldType.String:
                return value.ValueKind == JsonValueKind.String && value.GetString() is not null ? null : $"{path}: must be a string";
            case FieldType.Bytes:
                return value.ValueKind == JsonValueKind.String ? null : $"{path}: must be base64 text";
            case FieldType.Enum:
                var names = field.EnumType.Values.Select(v => v.Name).ToList();
                return value.ValueKind == JsonValueKind.String && names.Contains(value.GetString()!, StringComparer.Ordinal)
                    ? null
                    : $"{path}: must be one of {string.Join(", ", names)}";
            case FieldType.Message:
            case FieldType.Group:
                if (field.MessageType.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal))
                {
                    return null; // well-known types have JSON forms of their own; transcoding checks them
                }

                return value.ValueKind == JsonValueKind.Object ? CheckMessage(value, field.MessageType, path) : $"{path}: must be a JSON object";
            case FieldType.Double:
            case FieldType.Float:
                return value.ValueKind == JsonValueKind.Number || (value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                    ? null
                    : $"{path}: must be a number";
            default:
                // Integers: a JSON number without a fraction, or its decimal text, in range.
                var integral = value.ValueKind switch
                {
                    JsonValueKind.Number => value.TryGetInt64(out var l) ? InRange(field.FieldType, l) : value.TryGetUInt64(out var u) && field.FieldType is FieldType.UInt64 or FieldType.Fixed64,
                    JsonValueKind.String => long.TryParse(value.GetString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var s) && InRange(field.FieldType, s),
                    _ => false,
                };
                return integral ? null : $"{path}: must be a whole number in range";
        }
    }

    private static bool InRange(FieldType type, long value) => type switch
    {
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => value is >= int.MinValue and <= int.MaxValue,
        FieldType.UInt32 or FieldType.Fixed32 => value is >= 0 and <= uint.MaxValue,
        FieldType.UInt64 or FieldType.Fixed64 => value >= 0,
        _ => true,
    };

    // Written as transcoding writes its own errors ({"code","message"}), so that the problem middleware shapes every error alike.
    private static async Task RefuseAsync(HttpContext context, int status, int grpcCode, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["code"] = grpcCode, ["message"] = message });
        await context.Response.Body.WriteAsync(payload, context.RequestAborted);
    }
}
