using System.Buffers.Binary;
using System.Collections.Concurrent;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Triage.Silo.Hosting;

namespace Triage.Silo.Api;

/// <summary>
/// Reads a unary gRPC request's frame before the gRPC handler does, so that a malformed or oversized
/// message is answered <c>INVALID_ARGUMENT</c> or <c>RESOURCE_EXHAUSTED</c> naming what is wrong,
/// never <c>UNKNOWN</c> with a stack trace in the log: the handler reads messages before any
/// interceptor could map its failure.
/// </summary>
public sealed class GrpcFrameGuard(RequestDelegate next, IOptions<ApiOptions> options)
{
    private static readonly ConcurrentDictionary<IMethod, Func<byte[], object>?> Parsers = new();

    /// <summary>Checks the frame, or answers the error.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        if (method is null || method.Type != MethodType.Unary || !HttpProtocol.IsHttp2(context.Request.Protocol)
            || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            await next(context);
            return;
        }

        // One frame header (5 bytes) beyond the message limit: anything longer is too large.
        var limit = options.Value.MaxRequestBytes;
        var encoded = context.Request.Headers.ContainsKey("grpc-encoding");
        var problem = await RequestBody.CheckAsync(context, limit + 5, body => body is { } frame
            ? Problem(frame.Span, limit, method, encoded)
            : (StatusCode.ResourceExhausted, $"body: the message is larger than {limit} bytes"));
        if (problem is { } refused)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = ((int)refused.Code).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = refused.Message;
            return;
        }

        await next(context);
    }

    private static (StatusCode Code, string Message)? Problem(ReadOnlySpan<byte> body, int limit, IMethod method, bool encoded)
    {
        if (body.Length < 5)
        {
            return (StatusCode.InvalidArgument, "body: not a gRPC message frame");
        }

        var declared = BinaryPrimitives.ReadUInt32BigEndian(body[1..5]);
        if (declared > limit)
        {
            return (StatusCode.ResourceExhausted, $"body: the message is larger than {limit} bytes");
        }

        if (declared != body.Length - 5)
        {
            return (StatusCode.InvalidArgument, "body: the frame's length does not match the message (one unary message expected)");
        }

        if (body[0] != 0)
        {
            // Compressed messages are the handler's to read when an encoding was agreed; otherwise they cannot be read.
            return body[0] == 1 && encoded ? null : (StatusCode.InvalidArgument, "body: compressed without a grpc-encoding");
        }

        if (Parsers.GetOrAdd(method, ParserOf) is not { } parse)
        {
            return null;
        }

        try
        {
            parse(body[5..].ToArray());
            return null;
        }
        catch (Exception e) when (e is Google.Protobuf.InvalidProtocolBufferException or InvalidOperationException or ArgumentException)
        {
            return (StatusCode.InvalidArgument, $"body: not a valid {method.Name} request message");
        }
    }

    // The generated Method<TRequest, TResponse> names the request type, and a protobuf message type has its parser; another shape is left to the handler.
    private static Func<byte[], object>? ParserOf(IMethod method)
    {
        var request = method.GetType().IsGenericType ? method.GetType().GetGenericArguments()[0] : null;
        var parser = request?.GetProperty("Parser", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetValue(null) as Google.Protobuf.MessageParser;
        return parser is null ? null : bytes => parser.ParseFrom(bytes);
    }
}
