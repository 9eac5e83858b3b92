using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Triage.Domain.Decision;

namespace Triage.Grains.Hosting;

/// <summary>
/// Builds the decision policy when the service starts. The policy compiles the reviewed clinical data
/// (the red-flag vocabulary, the specialty lexicon, the WHO growth tables) on first use, which would
/// otherwise be a case grain's first call: a file a clinician mistyped would start a service that then
/// fails every assessment. Built here, it stops the start instead, with the file and the rule named.
/// </summary>
public sealed class DecisionPolicyCheck(IServiceProvider services) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<EligibilityPolicy>();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
