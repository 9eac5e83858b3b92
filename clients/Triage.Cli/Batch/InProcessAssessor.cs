using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Evaluation;
using Triage.Domain.Facts;
using Triage.Domain.RedFlags;

namespace Triage.Cli.Batch;

/// <summary>Runs the service's own policy in this process: no server, no case is stored.</summary>
internal sealed class InProcessAssessor : IBatchAssessor
{
    private readonly EligibilityPolicy _policy;

    public InProcessAssessor(EligibilityPolicy policy) => _policy = policy;

    public Task<BatchOutput> AssessAsync(BatchInput input, CancellationToken cancellationToken)
    {
        TriageDecision decision;
        try
        {
            // The API's own input rules: a line the service would refuse is refused here too, naming the field.
            decision = _policy.Assess(ComplaintInput.Build(input.Text ?? string.Empty, ageMonths: input.AgeMonths, sex: input.ParsedSex(), guardianPresent: input.GuardianPresent));
        }
        catch (InvalidInputException e)
        {
            return Task.FromResult(new BatchOutput { Id = input.Id, Error = e.Message });
        }

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
