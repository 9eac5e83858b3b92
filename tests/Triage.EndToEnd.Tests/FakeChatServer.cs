using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Triage.EndToEnd.Tests;

/// <summary>
/// A small OpenAI-compatible chat endpoint of the tests' own, on loopback: it answers
/// <c>POST /v1/chat/completions</c> with scripted replies in order and keeps every request body,
/// so the real Semantic Kernel OpenAI connector can be exercised without a remote model.
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _replies = new();

    private FakeChatServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The base URL to configure as <c>Support:ChatEndpoint</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Request bodies received, in order.</summary>
    public ConcurrentQueue<JsonDocument> Requests { get; } = new();

    public static async Task<FakeChatServer> StartAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var server = new FakeChatServer(app, new Uri($"http://127.0.0.1:{port}/v1"));
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            server.Requests.Enqueue(await JsonDocument.ParseAsync(context.Request.Body));
            if (!server._replies.TryDequeue(out var reply))
            {
                context.Response.StatusCode = 500;
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply);
        });
        await app.StartAsync();
        return server;
    }

    /// <summary>Queues a reply that asks for one function call.</summary>
    public void ReplyWithToolCall(string function, object arguments) => _replies.Enqueue(Completion(new
    {
        role = "assistant",
        content = (string?)null,
        tool_calls = new[] { new { id = "call_" + _replies.Count, type = "function", function = new { name = function, arguments = JsonSerializer.Serialize(arguments) } } },
    }, "tool_calls"));

    /// <summary>Queues a final text reply.</summary>
    public void ReplyWithText(string text) => _replies.Enqueue(Completion(new { role = "assistant", content = text }, "stop"));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string Completion(object message, string finishReason) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-test",
        @object = "chat.completion",
        created = 1_764_633_600,
        model = "fake-clinical-model",
        choices = new[] { new { index = 0, message, finish_reason = finishReason } },
        usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
    });
}
