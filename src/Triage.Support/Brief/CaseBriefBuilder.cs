using Triage.Domain.Classification;
using Triage.Domain.Growth;
using Triage.Domain.RedFlags;
using Triage.Grains.Cases;
using Triage.Grains.Visits;

namespace Triage.Support.Brief;

/// <summary>
/// Builds the brief from what the case journal recorded: the latest decision's facts, flags and
/// explanation, WHO z-scores for growth and nutrition cases, and the specialty's questions.
/// Deterministic: the same case gives the same brief; a language model only adds a summary on top.
/// </summary>
public sealed class CaseBriefBuilder(GrowthReference growth)
{
    private readonly GrowthReference _growth = growth ?? throw new ArgumentNullException(nameof(growth));

    /// <summary>The WHO z-scores of the height and weight read off a case, for its age and sex; none without an age or a measurement.</summary>
    public static IReadOnlyList<GrowthZScore> ZScores(GrowthReference growth, FactsRecord facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.AgeMonths is { } age && (facts.HeightCm is not null || facts.WeightKg is not null)
            ? MeasuredRedFlags.ZScores(growth, facts.Sex, age, facts.HeightCm, facts.WeightKg)
            : [];
    }

    /// <summary>The brief of <paramref name="view"/>.</summary>
    public CaseBrief Build(CaseView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var d = view.Decision;
        var scores = d.Specialty is Specialty.Growth or Specialty.Nutrition ? ZScores(_growth, d.Facts) : [];
        return new CaseBrief
        {
            CaseId = view.CaseId,
            Stage = view.Visit.Stage,
            ParentText = [view.Complaint, .. view.Visit.Messages.Where(m => m.From == VisitMessage.Parent).Select(m => m.Text)],
            Facts = d.Facts,
            RedFlags = [.. d.RedFlags.Where(f => f.Affirmed)],
            DeniedRedFlags = [.. d.RedFlags.Where(f => !f.Affirmed)],
            Disposition = d.Disposition,
            Specialty = d.Specialty,
            ModelVersion = d.ModelVersion,
            Explanation = d.Explanation,
            GrowthScores = [.. scores],
            GrowthCurves = [.. scores.Select(z => _growth.Curve(z, d.Facts.AgeMonths!.Value, d.Facts.HeightCm))],
            SuggestedQuestions = [.. SpecialtyQuestions.For(d.Specialty)],
            Alerts = view.Visit.Alerts,
        };
    }
}
