using Triage.Domain.Classification;
using Triage.Domain.Vocabulary;

namespace Triage.Models.Classification;

/// <summary>
/// A model trained on features read with another red-flag vocabulary or specialty lexicon than the
/// service reads: their words are the model's features, so it would score features it never learnt
/// and its tuned thresholds would no longer mean what they were tuned for. Refused at load: at start
/// the readiness check fails, on a reload the model served before stays. Retrain with the files served.
/// </summary>
public sealed class ModelVocabularyMismatchException : Exception
{
    /// <summary>Creates the exception; the message names the versions, never a path.</summary>
    public ModelVocabularyMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ModelVocabularyMismatchException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ModelVocabularyMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Throws unless <paramref name="card"/> names the vocabulary and lexicon this service reads.</summary>
    public static void ThrowIfReadOtherwise(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        Check(card, "red-flag vocabulary", card.Vocabulary, ClinicalVocabulary.Default.Version);
        Check(card, "specialty lexicon", card.Lexicon, KeywordLexicon.Version);
    }

    private static void Check(ModelCard card, string what, string? trained, string served)
    {
        if (trained != served)
        {
            throw new ModelVocabularyMismatchException(
                $"model {card.Version} was trained with {what} {trained ?? "(not recorded)"}, this service reads {served}: retrain it with the files served (triage train)");
        }
    }
}
