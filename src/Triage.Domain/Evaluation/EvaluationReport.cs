using System.Globalization;
using System.Text;
using Triage.Domain.Classification;

namespace Triage.Domain.Evaluation;

/// <summary>
/// Safety and accuracy of a set of decisions against labels: the figures every model or
/// policy change must report (emergency recall, hazardous under-triage).
/// </summary>
public sealed class EvaluationReport
{
    private readonly int[,] _confusion = new int[5, 5];
    private readonly List<(string Id, Disposition Expected, Disposition Actual)> _misses = [];
    private int _specialtyCorrect;
    private int _onlineSpecialtyCorrect;

    /// <summary>Records evaluated.</summary>
    public int Count { get; private set; }

    /// <summary>Adds one labelled decision.</summary>
    public void Add(string id, Disposition expected, Disposition actual, Specialty expectedSpecialty, Specialty actualSpecialty)
    {
        Count++;
        _confusion[(int)expected, (int)actual]++;
        if (expectedSpecialty == actualSpecialty)
        {
            _specialtyCorrect++;
            _onlineSpecialtyCorrect += expected == Disposition.Online ? 1 : 0;
        }

        if (expected != actual)
        {
            _misses.Add((id, expected, actual));
        }
    }

    /// <summary>Decisions labelled <paramref name="expected"/> and decided <paramref name="actual"/>.</summary>
    public int Confusion(Disposition expected, Disposition actual) => _confusion[(int)expected, (int)actual];

    /// <summary>Labelled emergencies decided emergency.</summary>
    public double EmergencyRecall => Recall(Disposition.Emergency);

    /// <summary>Emergency or offline cases sent online: the hazardous error.</summary>
    public int HazardousCount => Confusion(Disposition.Emergency, Disposition.Online) + Confusion(Disposition.Offline, Disposition.Online);

    /// <summary>Labelled online cases decided otherwise.</summary>
    public int OnlineMissedCount => Row(Disposition.Online) - Confusion(Disposition.Online, Disposition.Online);

    /// <summary>Cases decided online that are labelled otherwise (the hazardous ones among them).</summary>
    public int WronglyOnlineCount => Column(Disposition.Online) - Confusion(Disposition.Online, Disposition.Online);

    /// <summary>Labelled emergency or offline cases.</summary>
    public int UnsafeForOnlineCount => Row(Disposition.Emergency) + Row(Disposition.Offline);

    /// <summary>Hazardous under-triage rate: <see cref="HazardousCount"/> / <see cref="UnsafeForOnlineCount"/>.</summary>
    public double HazardousUnderTriage => UnsafeForOnlineCount == 0 ? 0 : (double)HazardousCount / UnsafeForOnlineCount;

    /// <summary>Wilson 95% upper bound of the hazardous under-triage rate.</summary>
    public double HazardousUnderTriageUpper95 => WilsonUpper(HazardousCount, UnsafeForOnlineCount);

    /// <summary>Non-emergencies (every other label) decided emergency: the false alarms that send a family to an emergency department.</summary>
    public int FalseAlarmCount => LabelNames.Dispositions.Where(d => d != Disposition.Emergency).Sum(d => Confusion(d, Disposition.Emergency));

    /// <summary>Labelled non-emergencies.</summary>
    public int NonEmergencyCount => Count - Row(Disposition.Emergency);

    /// <summary>Share of non-emergencies sent to emergency.</summary>
    public double FalseAlarmRate => NonEmergencyCount == 0 ? 0 : (double)FalseAlarmCount / NonEmergencyCount;

    /// <summary>Labelled emergencies.</summary>
    public int EmergencyCount => Row(Disposition.Emergency);

    /// <summary>Specialty accuracy on the cases labelled online: the specialty a booked visit would go to.</summary>
    public double OnlineSpecialtyAccuracy => Row(Disposition.Online) == 0 ? 0 : (double)_onlineSpecialtyCorrect / Row(Disposition.Online);

    /// <summary>Cases decided online that were labelled online.</summary>
    public double OnlinePrecision => Precision(Disposition.Online);

    /// <summary>The harmonic mean of online precision and recall: how well the online first visits are found without filling them with others.</summary>
    public double OnlineF1 => OnlinePrecision + OnlineRecall == 0 ? 0 : 2 * OnlinePrecision * OnlineRecall / (OnlinePrecision + OnlineRecall);

    /// <summary>Labelled online cases decided online.</summary>
    public double OnlineRecall => Recall(Disposition.Online);

    /// <summary>Fraction of records whose specialty matched.</summary>
    public double SpecialtyAccuracy => Count == 0 ? 0 : (double)_specialtyCorrect / Count;

    /// <summary>Fraction of records whose disposition matched.</summary>
    public double DispositionAccuracy => Count == 0 ? 0 : (double)Enumerable.Range(0, 5).Sum(i => _confusion[i, i]) / Count;

    /// <summary>Recall of one disposition.</summary>
    public double Recall(Disposition d) => Row(d) == 0 ? 0 : (double)Confusion(d, d) / Row(d);

    /// <summary>Precision of one disposition.</summary>
    public double Precision(Disposition d)
    {
        var column = Column(d);
        return column == 0 ? 0 : (double)Confusion(d, d) / column;
    }

    /// <summary>Misses ordered worst first (hazardous, then emergencies missed), ids only.</summary>
    public IEnumerable<(string Id, Disposition Expected, Disposition Actual)> WorstMisses =>
        _misses.OrderByDescending(m => Severity(m.Expected, m.Actual));

    /// <summary>The Wilson score interval's upper bound at 95%.</summary>
    public static double WilsonUpper(int successes, int n)
    {
        if (n == 0)
        {
            return 0;
        }

        const double z = 1.959964;
        var p = (double)successes / n;
        var denominator = 1 + (z * z / n);
        var centre = p + (z * z / (2 * n));
        var margin = z * Math.Sqrt((p * (1 - p) / n) + (z * z / (4.0 * n * n)));
        return Math.Min(1, (centre + margin) / denominator);
    }

    /// <summary>A plain-text table for the terminal and the README.</summary>
    public string Format(int worst = 15)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"records: {Count}");
        sb.AppendLine("| disposition | precision | recall | support |");
        sb.AppendLine("|---|---|---|---|");
        foreach (var d in LabelNames.Dispositions)
        {
            sb.AppendLine(c, $"| {LabelNames.Of(d)} | {Precision(d):F3} | {Recall(d):F3} | {Row(d)} |");
        }

        sb.AppendLine();
        sb.AppendLine("confusion (rows: labelled, columns: decided)");
        sb.Append("| labelled \\ decided |");
        foreach (var d in LabelNames.Dispositions)
        {
            sb.Append(c, $" {LabelNames.Of(d)} |");
        }

        sb.AppendLine();
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var e in LabelNames.Dispositions)
        {
            sb.Append(c, $"| {LabelNames.Of(e)} |");
            foreach (var a in LabelNames.Dispositions)
            {
                sb.Append(c, $" {Confusion(e, a)} |");
            }

            sb.AppendLine();
        }

        sb.AppendLine();
        sb.AppendLine(c, $"emergency recall: {EmergencyRecall:F3} ({Confusion(Disposition.Emergency, Disposition.Emergency)}/{Row(Disposition.Emergency)})");
        sb.AppendLine(c, $"hazardous under-triage (emergency or offline sent online): {HazardousUnderTriage:F3} ({HazardousCount}/{UnsafeForOnlineCount}), Wilson 95% upper bound {HazardousUnderTriageUpper95:F3}");
        sb.AppendLine(c, $"non-emergencies sent to emergency: {FalseAlarmRate:F3} ({FalseAlarmCount}/{NonEmergencyCount})");
        sb.AppendLine(c, $"online recall: {OnlineRecall:F3} ({Confusion(Disposition.Online, Disposition.Online)}/{Row(Disposition.Online)})");
        sb.AppendLine(c, $"specialty accuracy on online cases: {OnlineSpecialtyAccuracy:F3}; on all: {SpecialtyAccuracy:F3}");
        sb.AppendLine(c, $"disposition accuracy: {DispositionAccuracy:F3}");
        sb.AppendLine(c, $"worst misses (id: labelled -> decided):");
        foreach (var (id, expected, actual) in WorstMisses.Take(worst))
        {
            sb.AppendLine(c, $"  {id}: {LabelNames.Of(expected)} -> {LabelNames.Of(actual)}");
        }

        return sb.ToString();
    }

    private int Row(Disposition d) => Enumerable.Range(0, 5).Sum(j => _confusion[(int)d, j]);

    private int Column(Disposition d) => Enumerable.Range(0, 5).Sum(i => _confusion[i, (int)d]);

    private static int Severity(Disposition expected, Disposition actual) => (expected, actual) switch
    {
        (Disposition.Emergency, Disposition.Online) => 5,
        (Disposition.Offline, Disposition.Online) => 4,
        (Disposition.Emergency, _) => 3,
        (Disposition.Offline, _) => 2,
        _ => 1,
    };
}
