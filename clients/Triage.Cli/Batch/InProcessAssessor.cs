using Triage.Models.Classification;
using Triage.Models.Decision;
using Triage.Models.Evaluation;
using Triage.Models.Facts;
using Triage.Models.RedFlags;

namespace Triage.Cli.Batch;

/// <summary>Runs the service's own policy in this process: no server, no case is stored.</summary>
internal sealed class InProcessAssessor : IBatchAssessor
{
    private readonly EligibilityPolicy _policy;

    public InProcessAssessor(EligibilityPolicy policy) => _policy = policy;

    public Task<BatchOutput> AssessAsync(BatchInput input, CancellationToken cancellationToken)
    {
        var decision = _policy.Assess(new ComplaintInput
        {
            Text = input.Text!,
            AgeMonths = input.AgeMonths,
            Sex = input.Sex switch { "female" => Sex.Female, "male" => Sex.Male, _ => Sex.Unknown },
            GuardianPresent = input.GuardianPresent,
        });
        return Task.FromResult(new BatchOutput
        {
            Id = input.Id,
            Disposition = LabelNames.Of(decision.Disposition),
            Specialty = LabelNames.Of(decision.Specialty),
            RedFlags = [.. decision.RedFlags.Where(f => f.Affirmed).Select(f => RedFlagTags.Name(f.Tag))],
            Probabilities = LabelNames.Dispositions.ToDictionary(LabelNames.Of, d => decision.Classification.Probability(d)),
            ModelVersion = decision.ModelVersion,
            PolicyVersion = decision.PolicyVersion,
        });
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
