using System.Collections.Immutable;
using Triage.Domain.Evaluation;
using Triage.Domain.Facts;

namespace Triage.Domain.Growth;

/// <summary>
/// The WHO growth references: the Child Growth Standards 2006 (0 to 5 years, LMS by day and by
/// length) and the Growth Reference 2007 (5 to 19 years, LMS by month), read from the shared
/// data folder (<c>growth/who2006</c>, <c>growth/who2007</c>), with WHO's rules for using them.
/// </summary>
public sealed class GrowthReference
{
    /// <summary>The name of the 0–5 year standard, as cited to physicians.</summary>
    public const string Who2006 = "WHO Child Growth Standards 2006";

    /// <summary>The name of the 5–19 year reference, as cited to physicians.</summary>
    public const string Who2007 = "WHO Growth Reference 2007";

    /// <summary>The folder a repository clone finds the tables in: <c>../shared/data/growth</c>.</summary>
    public const string SharedFolder = "shared/data/growth";

    // WHO applies the 2007 reference from 61 months; its height and BMI tables end at 228 months
    // (19 years), its weight-for-age table at 120 months.
    private const double Who2007FromMonths = 61;
    private const double Who2007ToMonths = 228;
    private const double Who2007WeightToMonths = 120;
    private const int LengthUntilDays = 731;

    private readonly LmsTable _heightForAgeDays;
    private readonly LmsTable _weightForAgeDays;
    private readonly LmsTable _bmiForAgeDays;
    private readonly LmsTable _weightForLength;
    private readonly LmsTable _weightForHeight;
    private readonly LmsTable _heightForAgeMonths;
    private readonly LmsTable _weightForAgeMonths;
    private readonly LmsTable _bmiForAgeMonths;

    private GrowthReference(string folder)
    {
        var who2006 = Path.Combine(folder, "who2006");
        var who2007 = Path.Combine(folder, "who2007");
        _heightForAgeDays = LmsTable.Read(Path.Combine(who2006, "lhfa_daily.csv"));
        _weightForAgeDays = LmsTable.Read(Path.Combine(who2006, "wfa_daily.csv"));
        _bmiForAgeDays = LmsTable.Read(Path.Combine(who2006, "bmifa_daily.csv"));
        _weightForLength = LmsTable.Read(Path.Combine(who2006, "wfl.csv"));
        _weightForHeight = LmsTable.Read(Path.Combine(who2006, "wfh.csv"));
        _heightForAgeMonths = LmsTable.Read(Path.Combine(who2007, "hfa_monthly.csv"));
        _weightForAgeMonths = LmsTable.Read(Path.Combine(who2007, "wfa_monthly.csv"));
        _bmiForAgeMonths = LmsTable.Read(Path.Combine(who2007, "bfa_monthly.csv"));
    }

    /// <summary>Reads the tables under <paramref name="folder"/> (the folder holding <c>who2006</c> and <c>who2007</c>).</summary>
    public static GrowthReference Load(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return Directory.Exists(folder)
            ? new GrowthReference(folder)
            : throw new DirectoryNotFoundException($"Growth reference: folder not found: {folder}");
    }

    /// <summary>
    /// Finds the shared data folder's <c>growth</c> above one of <paramref name="starts"/>
    /// (a clone at <c>X/main</c> reads <c>X/shared/data/growth</c>); null when none has it.
    /// </summary>
    public static string? Discover(params string[] starts)
    {
        ArgumentNullException.ThrowIfNull(starts);
        return starts.Select(LabelledData.FindSharedDataFolder)
            .Select(data => data is null ? null : Path.Combine(data, "growth"))
            .FirstOrDefault(Directory.Exists);
    }

    /// <summary>Loads the shared tables found by <see cref="Discover"/>, or says where they were looked for.</summary>
    public static GrowthReference LoadShared(params string[] starts) =>
        Discover(starts) is { } folder
            ? Load(folder)
            : throw new DirectoryNotFoundException($"Growth reference: no {SharedFolder} above {string.Join(" or ", starts)}");

    /// <summary>
    /// Every indicator that applies to a child of this sex and age with the measurements given:
    /// the 2006 standard under 61 months (age rounded to whole days, length under 2 years),
    /// the 2007 reference from 61 to 228 months (interpolated between whole months).
    /// </summary>
    public IReadOnlyList<GrowthZScore> Assess(Sex sex, double ageMonths, double? heightCm, double? weightKg)
    {
        if (sex == Sex.Unknown)
        {
            throw new ArgumentException("a growth curve needs the sex: assess each sex when it is not known", nameof(sex));
        }

        var scores = new List<GrowthZScore>();
        if (ageMonths < 0 || double.IsNaN(ageMonths))
        {
            return scores;
        }

        var bmi = heightCm is { } h && weightKg is { } w ? w / (h / 100 * (h / 100)) : (double?)null;
        if (ageMonths < Who2007FromMonths)
        {
            var days = Math.Min((int)Math.Round(ageMonths * AgeUnits.DaysPerMonth, MidpointRounding.AwayFromZero), 1826);
            Add(scores, GrowthIndicator.HeightForAge, sex, heightCm, _heightForAgeDays.At(sex, days), Who2006, restricted: false);
            Add(scores, GrowthIndicator.WeightForAge, sex, weightKg, _weightForAgeDays.At(sex, days), Who2006, restricted: true);
            Add(scores, GrowthIndicator.BmiForAge, sex, bmi, _bmiForAgeDays.At(sex, days), Who2006, restricted: true);
            if (heightCm is { } cm)
            {
                var (indicator, table) = days < LengthUntilDays ? (GrowthIndicator.WeightForLength, _weightForLength) : (GrowthIndicator.WeightForHeight, _weightForHeight);
                Add(scores, indicator, sex, weightKg, table.At(sex, Math.Round(cm, 1)), Who2006, restricted: true);
            }
        }
        else if (ageMonths <= Who2007ToMonths)
        {
            Add(scores, GrowthIndicator.HeightForAge, sex, heightCm, _heightForAgeMonths.At(sex, ageMonths), Who2007, restricted: false);
            if (ageMonths <= Who2007WeightToMonths)
            {
                Add(scores, GrowthIndicator.WeightForAge, sex, weightKg, _weightForAgeMonths.At(sex, ageMonths), Who2007, restricted: true);
            }

            Add(scores, GrowthIndicator.BmiForAge, sex, bmi, _bmiForAgeMonths.At(sex, ageMonths), Who2007, restricted: true);
        }

        return scores;
    }

    /// <summary>
    /// The reference around <paramref name="score"/>'s measurement (a child of
    /// <paramref name="ageMonths"/>, <paramref name="heightCm"/> tall): a year either side under
    /// five, two years beyond, six months in infancy, or 10 cm either side for weight by length or height.
    /// </summary>
    public GrowthCurve Curve(GrowthZScore score, double ageMonths, double? heightCm)
    {
        ArgumentNullException.ThrowIfNull(score);
        var byLength = score.Indicator is GrowthIndicator.WeightForLength or GrowthIndicator.WeightForHeight;
        var childX = byLength ? heightCm ?? throw new ArgumentException("weight for length or height needs the height", nameof(heightCm)) : ageMonths;
        var half = byLength ? 10 : ageMonths < 24 ? 6 : ageMonths < Who2007FromMonths ? 12 : 24;
        const int Steps = 24;
        var from = Math.Max(0, childX - half);
        var step = (childX + half - from) / Steps;
        var points = ImmutableArray.CreateBuilder<GrowthCurvePoint>(Steps + 1);
        for (var i = 0; i <= Steps; i++)
        {
            var x = Math.Round(from + (i * step), 1);
            if (Lms(score.Indicator, score.Sex, x) is { } p)
            {
                points.Add(new GrowthCurvePoint(x, p.Value(-3), p.Value(-2), p.M, p.Value(2), p.Value(3)));
            }
        }

        var axis = !byLength ? "age_months" : score.Indicator == GrowthIndicator.WeightForLength ? "length_cm" : "height_cm";
        return new GrowthCurve(score.Indicator, axis, childX, score.Measured, points.ToImmutable());
    }

    // The table WHO uses for an indicator at x (months of age, or cm of length/height), as Assess does.
    private LmsParameters? Lms(GrowthIndicator indicator, Sex sex, double x)
    {
        if (indicator == GrowthIndicator.WeightForLength)
        {
            return _weightForLength.At(sex, x);
        }

        if (indicator == GrowthIndicator.WeightForHeight)
        {
            return _weightForHeight.At(sex, x);
        }

        if (x < Who2007FromMonths)
        {
            var days = Math.Min((int)Math.Round(x * AgeUnits.DaysPerMonth, MidpointRounding.AwayFromZero), 1826);
            var daily = indicator switch
            {
                GrowthIndicator.HeightForAge => _heightForAgeDays,
                GrowthIndicator.WeightForAge => _weightForAgeDays,
                _ => _bmiForAgeDays,
            };
            return daily.At(sex, days);
        }

        var monthly = indicator switch
        {
            GrowthIndicator.HeightForAge => _heightForAgeMonths,
            GrowthIndicator.WeightForAge when x <= Who2007WeightToMonths => _weightForAgeMonths,
            GrowthIndicator.WeightForAge => null,
            _ => _bmiForAgeMonths,
        };
        return x <= Who2007ToMonths ? monthly?.At(sex, x) : null;
    }

    private static void Add(List<GrowthZScore> scores, GrowthIndicator indicator, Sex sex, double? measured, LmsParameters? lms, string reference, bool restricted)
    {
        if (measured is not { } x || x <= 0 || lms is not { } p)
        {
            return;
        }

        var z = restricted ? p.RestrictedZScore(x) : p.ZScore(x);
        scores.Add(new GrowthZScore(indicator, sex, Math.Round(z, 2), x, p.M, reference, IsPlausible(indicator, z)));
    }

    // WHO's flag limits for "biologically implausible" values (WHO Anthro, igrowup).
    private static bool IsPlausible(GrowthIndicator indicator, double z) => indicator switch
    {
        GrowthIndicator.HeightForAge => z is >= -6 and <= 6,
        GrowthIndicator.WeightForAge => z is >= -6 and <= 5,
        _ => z is >= -5 and <= 5,
    };
}
