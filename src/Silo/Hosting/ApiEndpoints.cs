using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Triage.Silo.Hosting;

/// <summary>
/// The ports the API is actually bound to, read back from Kestrel once it has started: configured
/// as 0, the operating system picks free ones, and nobody has to guess a free port beforehand.
/// </summary>
public sealed class ApiEndpoints
{
    private ListenOptions? _grpc;
    private ListenOptions? _http;

    /// <summary>The gRPC (HTTP/2) port; after start, the bound one.</summary>
    public int GrpcPort => Port(_grpc);

    /// <summary>The JSON (HTTP/1.1) port; after start, the bound one.</summary>
    public int HttpPort => Port(_http);

    internal void Listening(ListenOptions grpc, ListenOptions http) => (_grpc, _http) = (grpc, http);

    private static int Port(ListenOptions? options) =>
        options?.IPEndPoint?.Port ?? throw new InvalidOperationException("the API is not listening yet");
}
