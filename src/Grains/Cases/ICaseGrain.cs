namespace Triage.Grains.Cases;

/// <summary>
/// One triage case. Owns its journal: every change is an event appended with a chained hash,
/// and the grain's state is only ever what its journal says.
/// </summary>
public interface ICaseGrain : IGrainWithGuidKey
{
    /// <summary>Opens the case with what the booking app sent and records the first decision. Fails if the case already exists.</summary>
    Task<CaseView> OpenAsync(CaseOpened opened);

    /// <summary>Records answers and a new decision. Null when the case does not exist or belongs to another app.</summary>
    Task<CaseView?> AnswerAsync(AnswerQuestionsCommand command);

    /// <summary>The case as <paramref name="appId"/> may see it; null when absent or not theirs.</summary>
    Task<CaseView?> GetAsync(string appId);
}
