using System.Globalization;

namespace Triage.Domain.Growth;

/// <summary>One LMS table of a reference, by sex, keyed by age (days or months) or by length (cm).</summary>
internal sealed class LmsTable
{
    private readonly double[][] _keys = new double[3][];
    private readonly LmsParameters[][] _points = new LmsParameters[3][];

    private LmsTable()
    {
    }

    /// <summary>Reads a WHO CSV with the header <c>sex,KEY,L,M,S[,measure]</c>; sex 1 = male, 2 = female.</summary>
    public static LmsTable Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Growth reference: missing table {Path.GetFileName(path)}", path);
        }

        var rows = new List<(int Sex, double Key, LmsParameters Lms)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var f = line.Split(',');
            if (f.Length < 5)
            {
                throw new InvalidDataException($"Growth reference: {Path.GetFileName(path)}: a row has {f.Length} fields, 5 expected");
            }

            rows.Add((int.Parse(f[0], CultureInfo.InvariantCulture), Number(f[1]), new LmsParameters(Number(f[2]), Number(f[3]), Number(f[4]))));
        }

        var table = new LmsTable();
        foreach (var sex in new[] { 1, 2 })
        {
            // Tables list a key twice where WHO switches from length to height (24 months): the later row wins.
            var bySex = rows.Where(r => r.Sex == sex).GroupBy(r => r.Key).Select(g => g.Last()).OrderBy(r => r.Key).ToArray();
            if (bySex.Length < 2)
            {
                throw new InvalidDataException($"Growth reference: {Path.GetFileName(path)} has no curve for sex {sex}");
            }

            table._keys[sex] = [.. bySex.Select(r => r.Key)];
            table._points[sex] = [.. bySex.Select(r => r.Lms)];
        }

        return table;
    }

    /// <summary>The LMS at <paramref name="key"/>, interpolated linearly between rows; null outside the table.</summary>
    public LmsParameters? At(Facts.Sex sex, double key)
    {
        var keys = _keys[Code(sex)];
        var points = _points[Code(sex)];
        if (key < keys[0] - 1e-9 || key > keys[^1] + 1e-9)
        {
            return null;
        }

        var i = Array.BinarySearch(keys, key);
        if (i >= 0)
        {
            return points[i];
        }

        var upper = ~i;
        if (upper == 0 || upper >= keys.Length)
        {
            return points[Math.Clamp(upper, 0, keys.Length - 1)];
        }

        var lower = upper - 1;
        return LmsParameters.Lerp(points[lower], points[upper], (key - keys[lower]) / (keys[upper] - keys[lower]));
    }

    // WHO codes sex 1 = male, 2 = female.
    private static int Code(Facts.Sex sex) => sex switch
    {
        Facts.Sex.Male => 1,
        Facts.Sex.Female => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(sex), "a growth curve needs the sex"),
    };

    private static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
