using Microsoft.Extensions.Hosting;
using Triage.Domain.Classification;
using Triage.Domain.Vocabulary;

namespace Triage.Grains.Hosting;

/// <summary>
/// Compiles the reviewed clinical vocabulary (the red-flag files, the specialty lexicon) when the
/// service starts. They are otherwise compiled on first use, which is a case grain's first call: a file
/// a clinician mistyped would start a service that then fails every assessment. Compiled here, it stops
/// the start instead, with the file and the rule named. (The growth tables and the model have a
/// readiness check of their own: without them the service starts not ready, refusing assessments.)
/// </summary>
public sealed class ClinicalVocabularyCheck : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = ClinicalVocabulary.Default.Version;
        _ = KeywordLexicon.Version;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
