using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Triage.Api.V1;

namespace Triage.Client;

/// <summary>Creates a client of the triage API that sends the booking app's API key with every call.</summary>
public static class TriageChannel
{
    /// <summary>The header that carries the key.</summary>
    public const string ApiKeyHeader = "x-api-key";

    /// <summary>A client for <paramref name="address"/> (the gRPC port, e.g. http://127.0.0.1:5180).</summary>
    public static TriageService.TriageServiceClient Create(Uri address, string apiKey, out GrpcChannel channel) =>
        new(Invoker(address, apiKey, out channel));

    /// <summary>A call invoker for any of the API's services at <paramref name="address"/>, sending <paramref name="apiKey"/>.</summary>
    public static CallInvoker Invoker(Uri address, string apiKey, out GrpcChannel channel)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        channel = GrpcChannel.ForAddress(address);
        return channel.Intercept(metadata =>
        {
            metadata.Add(ApiKeyHeader, apiKey);
            return metadata;
        });
    }
}
