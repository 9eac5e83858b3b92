using System.Globalization;
using Triage.Api.V1;
using Triage.Domain.Growth;
using Triage.Grains.Physicians;
using Triage.Support.Brief;

namespace Triage.Silo.Api;

/// <summary>Maps physicians and briefs to the API's messages.</summary>
public static class PhysicianMapper
{
    /// <summary>A physician as the admin API shows it.</summary>
    public static Physician ToPhysician(PhysicianView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var c = view.Credentials;
        var credentials = new RegisterPhysicianRequest
        {
            PhysicianId = view.PhysicianId,
            LicenceNumber = c.LicenceNumber,
            LicenceValidUntil = Format(c.LicenceValidUntil),
            Hospital = c.Hospital,
            Title = c.Title,
            IndependentPracticeSince = Format(c.IndependentPracticeSince),
            InternetFollowUpSince = Format(c.InternetFollowUpSince),
            TrainingPassedOn = Format(c.TrainingPassedOn),
        };
        credentials.LicenceSpecialties.AddRange(c.LicenceSpecialties.Select(ApiVocabulary.ToApi));
        var result = new Physician
        {
            PhysicianId = view.PhysicianId,
            Credentials = credentials,
            Suspended = view.Suspended,
            SuspensionReason = view.SuspensionReason,
            Whitelisted = view.Standing.Whitelisted,
            ChangesOn = Format(view.Standing.ChangesOn),
            ChainValid = view.ChainValid,
        };
        result.Specialties.AddRange(view.Standing.Specialties.Select(ApiVocabulary.ToApi));
        result.Failures.AddRange(view.Standing.Failures);
        result.Events.AddRange(view.Events.Select(CaseMapper.ToEvent));
        return result;
    }

    /// <summary>A brief as the physician API shows it.</summary>
    public static Brief ToBrief(CaseBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var result = new Brief
        {
            CaseId = brief.CaseId.ToString(),
            Stage = (VisitStage)(int)brief.Stage,
            Facts = CaseMapper.ToFacts(brief.Facts),
            Disposition = ApiVocabulary.ToApi(brief.Disposition),
            Specialty = ApiVocabulary.ToApi(brief.Specialty),
            ModelVersion = brief.ModelVersion,
            Summary = brief.Summary ?? string.Empty,
            SummaryNote = brief.SummaryNote ?? string.Empty,
        };
        result.ParentText.AddRange(brief.ParentText);
        result.RedFlags.AddRange(brief.RedFlags.Select(CaseMapper.ToRedFlag));
        result.DeniedRedFlags.AddRange(brief.DeniedRedFlags.Select(CaseMapper.ToRedFlag));
        result.Explanation.AddRange(brief.Explanation.Select(CaseMapper.ToContribution));
        result.GrowthScores.AddRange(brief.GrowthScores.Select((s, i) => ToScore(s, i < brief.GrowthCurves.Length ? brief.GrowthCurves[i] : null)));
        result.SuggestedQuestions.AddRange(brief.SuggestedQuestions);
        result.Alerts.AddRange(brief.Alerts.Select(CaseMapper.ToAlert));
        return result;
    }

    private static GrowthScore ToScore(GrowthZScore s, Domain.Growth.GrowthCurve? c)
    {
        var score = ToScore(s);
        if (c is not null)
        {
            score.Curve = new Triage.Api.V1.GrowthCurve { XAxis = c.XAxis, ChildX = Math.Round(c.ChildX, 2), ChildY = Math.Round(c.ChildY, 2) };
            score.Curve.Points.AddRange(c.Points.Select(p => new Triage.Api.V1.GrowthCurvePoint
            {
                X = p.X,
                Minus3 = Math.Round(p.Minus3, 2),
                Minus2 = Math.Round(p.Minus2, 2),
                Median = Math.Round(p.Median, 2),
                Plus2 = Math.Round(p.Plus2, 2),
                Plus3 = Math.Round(p.Plus3, 2),
            }));
        }

        return score;
    }

    private static GrowthScore ToScore(GrowthZScore s) => new()
    {
        Indicator = ApiVocabulary.Name(s.Indicator),
        Sex = ApiVocabulary.ToApi(s.Sex),
        Z = s.Z,
        Measured = Math.Round(s.Measured, 2),
        Median = Math.Round(s.Median, 2),
        Reference = s.Reference,
        Plausible = s.Plausible,
    };

    private static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
