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

        try
        {
            request.Patient.Sex = input.ParsedSex() switch { Domain.Facts.Sex.Female => Sex.Female, Domain.Facts.Sex.Male => Sex.Male, _ => Sex.Unspecified };
        }
        catch (Domain.Decision.InvalidInputException e)
        {
            return new BatchOutput { Id = input.Id, Error = e.Message };
        }

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
                Disposition = ApiNames.Of(d.Disposition),
                Specialty = ApiNames.Of(d.Specialty),
                RedFlags = [.. d.RedFlags.Where(f => f.Status == RedFlagStatus.Affirmed).Select(f => ApiNames.Of(f.Tag))],
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
}
