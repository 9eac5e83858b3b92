using Triage.Domain.Classification;
using Triage.Domain.Decision;

namespace Triage.Models.Classification;

/// <summary>
/// Served in place of a configured model that could not be loaded at start (folder missing, file
/// unreadable): every decision is refused with <see cref="ModelUnavailableException"/>, the readiness
/// check fails, and the model folder's watcher swaps the model in once it can be read.
/// </summary>
public sealed class MissingModel(string cause) : IComplaintClassifier
{
    /// <summary>The version reported while no model is served.</summary>
    public const string NoVersion = "none";

    /// <summary>Why the model could not be loaded (the exception's type, never a path).</summary>
    public string Cause { get; } = cause;

    /// <inheritdoc />
    public string Version => NoVersion;

    /// <inheritdoc />
    public DecisionThresholds Thresholds { get; } = new(Emergency: 1.01, Offline: 1.01, Online: 1.01);

    /// <inheritdoc />
    public ComplaintClassification Classify(ComplaintReading reading) => throw new ModelUnavailableException();

    /// <summary>The model in <paramref name="folder"/>, or a <see cref="MissingModel"/> when it cannot be loaded.</summary>
    public static IComplaintClassifier LoadOrMissing(string folder)
    {
        try
        {
            return ModelFolder.LoadCurrent(folder);
        }
        catch (Exception e) when (IsLoadFailure(e))
        {
            return new MissingModel(e.GetType().Name);
        }
    }

    /// <summary>True for the ways reading a model folder fails (missing, unreadable, half-written files, trained on other words).</summary>
    public static bool IsLoadFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or ModelVocabularyMismatchException;
}
