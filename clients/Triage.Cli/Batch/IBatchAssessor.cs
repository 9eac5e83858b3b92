namespace Triage.Cli.Batch;

/// <summary>Assesses one batch line, either through a running service or in-process.</summary>
internal interface IBatchAssessor : IAsyncDisposable
{
    Task<BatchOutput> AssessAsync(BatchInput input, CancellationToken cancellationToken);
}
