using Grpc.Core;
using Grpc.Net.Client;
using Triage.Api.V1;
using Triage.Client;

namespace Triage.Cli.Batch;

/// <summary>Sends each line to a running service over gRPC; every line becomes a stored case.</summary>
internal sealed class RemoteAssessor : IBatchAssessor
{
    private readonly GrpcChannel _channel;
    private readonly TriageService.TriageServiceClient _client;

    public RemoteAssessor(Uri url, string apiKey) => _client = TriageChannel.Create(url, apiKey, out _channel);

    public async Task<BatchOutput> AssessAsync(BatchInput input, CancellationToken cancellationToken)
    {
        var request = new AssessRequest { Complaint = input.Text ?? string.Empty, Patient = new Patient() };
        if (input.AgeMonths is { } months)
        {
            request.Patient.AgeMonths = months;
        }

        request.Patient.Sex = input.Sex switch { "female" => Sex.Female, "male" => Sex.Male, _ => Sex.Unspecified };
        if (input.GuardianPresent is { } guardian)
        {
            request.GuardianPresent = guardian;
        }

        try
        {
            var reply = await _client.AssessAsync(request, cancellationToken: cancellationToken);
            var d = reply.Decision;
            return new BatchOutput
            {
                Id = input.Id,
                CaseId = reply.CaseId,
                Disposition = Name(d.Disposition),
                Specialty = d.Specialty switch
                {
                    Specialty.Growth => "growth",
                    Specialty.Nutrition => "nutrition",
                    Specialty.Dermatology => "dermatology",
                    _ => "other",
                },
                RedFlags = [.. d.RedFlags.Where(f => !f.Negated).Select(f => f.Tag)],
                Probabilities = d.DispositionProbabilities.ToDictionary(p => p.Label, p => p.Probability),
                ModelVersion = d.ModelVersion,
                PolicyVersion = d.PolicyVersion,
            };
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
            return new BatchOutput { Id = input.Id, Error = e.Status.Detail };
        }
    }

    public ValueTask DisposeAsync()
    {
        _channel.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Name(Disposition d) => d switch
    {
        Disposition.Online => "online",
        Disposition.Emergency => "emergency",
        Disposition.Offline => "offline",
        Disposition.NeedsInfo => "needs_info",
        _ => "out_of_scope",
    };
}
