using System.Globalization;
using System.Text.RegularExpressions;
using Triage.Domain.Text;
using Triage.Domain.Vocabulary;

namespace Triage.Domain.Facts;

/// <summary>
/// Reads age, temperature, durations, height, weight, sex and subject from a normalised
/// complaint in Chinese or English ("3岁2个月", "8个月大", "5-year-old", "38.5度", "三天", "2 weeks").
/// </summary>
public static partial class FactExtractor
{
    private const double DaysPerMonth = AgeUnits.DaysPerMonth;
    private const string N = ChineseNumber.Pattern;

    /// <summary>Extracts the facts the text states, reading fever and its denials with <paramref name="vocabulary"/>.</summary>
    public static ComplaintFacts Extract(NormalizedText text, ClinicalVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var t = text.Value;
        var ageSpans = new List<(int Start, int Length)>();
        var ages = ReadAges(t, ageSpans);
        var temperature = ReadTemperature(t);
        var durations = ReadDurations(t, ageSpans);
        var (fever, feverDays) = ReadFever(t, durations, temperature, vocabulary);
        var duration = durations.Select(d => d.Days).DefaultIfEmpty().Max();
        var newborn = NewbornCue().IsMatch(t);
        var childCue = ChildCue().IsMatch(t) || newborn;
        var adultCue = AdultCue().IsMatch(t);

        (double Months, int Start, int Length)? age = null;
        if (ages.Count > 0)
        {
            // A parent often gives their own age too ("我28岁，孩子3岁"): the child's is the young one.
            age = childCue ? ages.Where(a => a.Months < 216).Cast<(double, int, int)?>().FirstOrDefault() ?? ages[0] : ages[0];
        }

        var subject = age switch
        {
            { Months: >= 216 } when !childCue || adultCue => PatientSubject.Adult,
            { Months: >= 216 } => PatientSubject.Unknown,
            not null => PatientSubject.Child,
            _ when adultCue => PatientSubject.Adult,
            _ when childCue => PatientSubject.Child,
            _ => PatientSubject.Unknown,
        };

        var (height, heightAt) = ReadHeight(t);
        var (weight, weightAt) = ReadWeight(t);
        var (bilirubin, bilirubinAt) = ReadBilirubin(t);

        return new ComplaintFacts
        {
            AgeMonths = age?.Months,
            AgeEvidence = Span(text, age is { } a ? (a.Start, a.Length) : null),
            TemperatureC = temperature,
            Fever = fever,
            FeverDays = feverDays,
            DurationDays = duration > 0 ? duration : null,
            HeightCm = height,
            HeightEvidence = Span(text, heightAt),
            WeightKg = weight,
            WeightEvidence = Span(text, weightAt),
            BilirubinUmolPerL = bilirubin,
            BilirubinEvidence = Span(text, bilirubinAt),
            Sex = ReadSex(t),
            Subject = subject,
            Newborn = newborn,
        };
    }

    /// <summary>Reads an age answer such as "3", "3岁2个月", "8 months"; a bare number is years.</summary>
    public static double? ReadAgeAnswer(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var t = TextNormalizer.Normalize(answer).Value.Trim();
        // An answer to "how old is the child" is an age even without a subject word: supply one.
        var ages = ReadAges("孩子" + t, []);
        if (ages.Count > 0)
        {
            return ages[0].Months;
        }

        return ChineseNumber.TryParse(t.TrimEnd('岁', ' '), out var years) && years is >= 0 and < 120 ? years * 12 : null;
    }

    private static List<(double Months, int Start, int Length)> ReadAges(string t, List<(int Start, int Length)> spans)
    {
        var ages = new List<(double Months, int Start, int Length)>();

        void Add(Match m, double months)
        {
            if (months is >= 0 and < 1500 && !spans.Any(s => Overlaps(s, m.Index, m.Length)))
            {
                ages.Add((months, m.Index, m.Length));
                spans.Add((m.Index, m.Length));
            }
        }

        foreach (Match m in YearsAge().Matches(t))
        {
            if (!Num(m.Groups["y"].Value, out var y))
            {
                continue;
            }

            var months = y * 12;
            if (m.Groups["half"].Success)
            {
                months += 6;
            }
            else if (m.Groups["m"].Success && Num(m.Groups["m"].Value, out var extra))
            {
                months += extra;
            }

            Add(m, months);
        }

        // "两周十个月", "一周两个月": 周 here is 周岁, years.
        foreach (Match m in WeekYearsAge().Matches(t))
        {
            if (Num(m.Groups["y"].Value, out var y) && Num(m.Groups["m"].Value, out var extra))
            {
                Add(m, (y * 12) + extra);
            }
        }

        foreach (Match m in MonthsAge().Matches(t))
        {
            if (!Num(m.Groups["m"].Value, out var months))
            {
                continue;
            }

            var before = t[Math.Max(0, m.Index - 4)..m.Index];
            var after = t[(m.Index + m.Length)..Math.Min(t.Length, m.Index + m.Length + 3)];
            if (AgeSubjectBefore().IsMatch(before) || AgeNounAfter().IsMatch(after))
            {
                Add(m, months + (m.Groups["half"].Success ? 0.5 : 0));
            }
        }

        foreach (Match m in SubjectDaysAge().Matches(t))
        {
            // "33周加5天出生的早产儿": weeks of gestation at birth, not the child's age.
            if (Num(m.Groups["n"].Value, out var n) && AgeSubjectBefore().IsMatch(t[Math.Max(0, m.Index - 4)..m.Index])
                && !GestationAfter().IsMatch(t.AsSpan(m.Index + m.Length, Math.Min(6, t.Length - m.Index - m.Length))))
            {
                Add(m, m.Groups["u"].Value == "周" ? n * 7 / DaysPerMonth : n / DaysPerMonth);
            }
        }

        foreach (Match m in DaysAge().Matches(t))
        {
            if (Num(m.Groups["n"].Value, out var n))
            {
                Add(m, m.Groups["u"].Value == "周" ? n * 7 / DaysPerMonth : n / DaysPerMonth);
            }
        }

        foreach (Match m in EnglishAge().Matches(t))
        {
            if (Num(m.Groups["n"].Value, out var n))
            {
                var unit = m.Groups["u"].Value is { Length: > 0 } u ? u : "y";
                var months = unit.StartsWith('y') ? n * 12 : unit.StartsWith('m') ? n : unit.StartsWith('w') ? n * 7 / DaysPerMonth : n / DaysPerMonth;
                Add(m, months);
            }
        }

        foreach (Match m in MilestoneAge().Matches(t))
        {
            Add(m, m.Value switch
            {
                "未满月" => 0.5,
                "满月" => 1,
                "百天" => 100 / DaysPerMonth,
                _ => 0.1,
            });
        }

        ages.Sort((a, b) => a.Start.CompareTo(b.Start));
        return ages;
    }

    private static double? ReadTemperature(string t)
    {
        double? best = null;
        foreach (Match m in Celsius().Matches(t))
        {
            if (double.TryParse(m.Groups["v"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is >= 34 and <= 43.5)
            {
                best = Math.Max(best ?? 0, v);
            }
        }

        foreach (Match m in Fahrenheit().Matches(t))
        {
            if (double.TryParse(m.Groups["v"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f is >= 93 and <= 110)
            {
                best = Math.Max(best ?? 0, Math.Round((f - 32) * 5 / 9, 1));
            }
        }

        return best;
    }

    private static (bool Fever, double? Days) ReadFever(string t, List<(double Days, int Start)> durations, double? temperature, ClinicalVocabulary vocabulary)
    {
        var fever = temperature >= 38;
        double? days = null;
        vocabulary.Fever.FindAll(t, (_, start, length) =>
        {
            if (vocabulary.Negation.IsNegated(t, start))
            {
                return;
            }

            fever = true;
            var from = Clauses.ClauseStart(t, start);
            var to = Clauses.ClauseEnd(t, start + length);
            // "发烧五天了", "烧了5天", "fever for 6 days", "发烧第五天": the duration sits in the fever's clause.
            foreach (var d in durations.Where(d => d.Start >= from && d.Start < to))
            {
                days = Math.Max(days ?? 0, d.Days);
            }
        });

        return (fever, days);
    }

    private static List<(double Days, int Start)> ReadDurations(string t, List<(int Start, int Length)> ageSpans)
    {
        var found = new List<(double Days, int Start)>();
        foreach (Match m in ChineseDuration().Matches(t))
        {
            if (ageSpans.Any(s => Overlaps(s, m.Index, m.Length)))
            {
                continue;
            }

            var raw = m.Groups["n"].Value;
            var n = raw == "几" ? 3 : Num(raw, out var v) ? v : 0;
            if (m.Groups["half"].Success)
            {
                n += 0.5;
            }

            // "2019年" is a date, not a duration.
            if (m.Groups["u"].Value == "年" && n > 30)
            {
                continue;
            }

            found.Add((n * UnitDays(m.Groups["u"].Value), m.Index));
        }

        foreach (Match m in EnglishDuration().Matches(t))
        {
            if (!ageSpans.Any(s => Overlaps(s, m.Index, m.Length)) && Num(m.Groups["n"].Value, out var n))
            {
                found.Add((n * UnitDays(m.Groups["u"].Value), m.Index));
            }
        }

        return found;
    }

    private static double UnitDays(string unit) => unit switch
    {
        "天" or "day" or "days" => 1,
        "周" or "星期" or "礼拜" or "个星期" or "个礼拜" or "week" or "weeks" => 7,
        "年" or "year" or "years" => 365,
        _ => DaysPerMonth,
    };

    private static TextSpan? Span(NormalizedText text, (int Start, int Length)? at)
    {
        if (at is not { } span)
        {
            return null;
        }

        var (s, l) = text.ToOriginalSpan(span.Start, span.Length);
        return new TextSpan(s, l, text.Original.Substring(s, l));
    }

    private static (double? Cm, (int, int)? At) ReadHeight(string t)
    {
        foreach (Match m in Height().Matches(t))
        {
            if (IsChangeOrBirth(t, m.Index) || !double.TryParse(m.Groups["v"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                continue;
            }

            var unit = m.Groups["u"].Value;
            var cm = unit is "米" or "m" || (unit.Length == 0 && v < 3) ? v * 100 : v;

            // Without "身高" a number of centimetres is a child's height only if it could be one,
            // and not a lesion's or a head's size ("直径2厘米", "头围45cm").
            var named = m.Groups["k"].Success;
            if (cm is >= 30 and <= 230 && (named || (cm >= 45 && !OtherLengthCue().IsMatch(t.AsSpan(Math.Max(0, m.Index - 6), Math.Min(6, m.Index))))))
            {
                return (cm, (m.Index, m.Length));
            }
        }

        return (null, null);
    }

    private static (double? Kg, (int, int)? At) ReadWeight(string t)
    {
        foreach (Match m in Weight().Matches(t))
        {
            if (IsChangeOrBirth(t, m.Index) || !double.TryParse(m.Groups["v"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                continue;
            }

            var unit = m.Groups["u"].Value;
            var kg = unit switch
            {
                "斤" => v / 2,
                "g" or "克" => v / 1000,
                "lb" or "lbs" or "pounds" => v * 0.4536,
                _ => v,
            };
            if (kg is >= 0.3 and <= 250)
            {
                return (Math.Round(kg, 2), (m.Index, m.Length));
            }
        }

        return (null, null);
    }

    // "长了3斤", "瘦了2斤", "出生体重6斤": a change or a birth measurement, not the child's size now.
    private static bool IsChangeOrBirth(string t, int index)
    {
        var before = t.AsSpan(Math.Max(0, index - 8), Math.Min(8, index));
        return ChangeOrBirthCue().IsMatch(before);
    }

    // Chinese reports give µmol/L; a value under 35 can only be mg/dL (× 17.1), one over 50 only µmol/L.
    // A parent copying a transcutaneous meter writes the site and its reading ("面部24，躯干18"). The highest
    // reading counts: readings rise day by day, and the highest is the one that may need treatment now.
    private static (double? UmolPerL, (int, int)? At) ReadBilirubin(string t)
    {
        (double? UmolPerL, (int, int)? At) best = (null, null);
        foreach (Match m in Bilirubin().Matches(t))
        {
            Keep(m, m.Groups["u"].Value);
        }

        if (JaundiceCue().IsMatch(t))
        {
            foreach (Match m in MeterSiteReading().Matches(t))
            {
                Keep(m, string.Empty);
            }
        }

        return best;

        void Keep(Match m, string unit)
        {
            if (!double.TryParse(m.Groups["v"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                return;
            }

            double? umol = unit.StartsWith("mg", StringComparison.Ordinal) || (unit.Length == 0 && v is > 0 and < 35) ? v * 17.1
                : v is >= 50 and <= 1000 ? v
                : null;
            if (umol is not null && umol > (best.UmolPerL ?? 0))
            {
                best = (Math.Round(umol.Value, 1), (m.Index, m.Length));
            }
        }
    }

    private static Sex ReadSex(string t)
    {
        var female = FemaleCue().IsMatch(t);
        var male = MaleCue().IsMatch(t);
        return female == male ? Sex.Unknown : female ? Sex.Female : Sex.Male;
    }

    private static bool Num(string s, out double v) => ChineseNumber.TryParse(s, out v);

    private static bool Overlaps((int Start, int Length) a, int start, int length) => a.Start < start + length && start < a.Start + a.Length;

    // Digits are written [0-9], not \d (any script's): the text is folded to ASCII digits first, and \d
    // kept each of these regexes off the vectorised search for its first character.
    [GeneratedRegex(@"(?<y>" + N + @")\s*(?:周)?岁(?:(?<half>半)|(?:零)?(?<m>" + N + @")\s*个?(?:多)?月)?", RegexOptions.CultureInvariant)]
    private static partial Regex YearsAge();

    [GeneratedRegex(@"(?<y>" + N + @")\s*周(?<m>" + N + @")\s*个(?:多)?月", RegexOptions.CultureInvariant)]
    private static partial Regex WeekYearsAge();

    [GeneratedRegex(@"(?<n>" + N + @")\s*(?<u>天|周)(?:了|大)?(?![岁0-9一二两三四五六七八九十]|个)", RegexOptions.CultureInvariant)]
    private static partial Regex SubjectDaysAge();

    [GeneratedRegex(@"(?<m>" + N + @")\s*个(?<half>半)?(?:多)?月", RegexOptions.CultureInvariant)]
    private static partial Regex MonthsAge();

    [GeneratedRegex(@"(?:宝宝|孩子|婴儿|小孩|儿子|女儿|宝贝|男孩|女孩|今年|现在|刚满|满|才|宝|娃|小儿|患儿|男婴|女婴|新生儿|早产儿|早产宝宝|快|近|将近|差不多|年龄|月龄)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AgeSubjectBefore();

    [GeneratedRegex(@"^(?:大|的宝|的婴|的孩|的小|的男|的女|的娃|宝|婴|男|女|孩|娃|时|左右的|龄)", RegexOptions.CultureInvariant)]
    private static partial Regex AgeNounAfter();

    [GeneratedRegex(@"^(?:[+＋加零又](?:" + N + @")?\s*天?)?(?:出生|出世|生的|生下|降生|早产|的早产)", RegexOptions.CultureInvariant)]
    private static partial Regex GestationAfter();

    [GeneratedRegex(@"(?:(?:出生|降生|出世|生下来|生下)(?:才|刚|后|了)?(?<n>" + N + @")\s*(?<u>天|周))|(?:(?<n>" + N + @")\s*(?<u>天|周)(?:大|的(?:小)?(?:宝宝|婴儿|新生儿|孩子|男婴|女婴|宝)|宝宝|婴儿|新生儿))", RegexOptions.CultureInvariant)]
    private static partial Regex DaysAge();

    [GeneratedRegex(@"\b(?<n>[0-9]+(?:\.[0-9]+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]*(?<u>years?|yrs?|months?|mos?|weeks?|wks?|days?)[\s-]*old\b|\baged?\s+(?<n>[0-9]+)\b(?<u>)(?!\s*(?:months?|weeks?|days?))", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishAge();

    [GeneratedRegex(@"未满月|满月|百天|刚出生", RegexOptions.CultureInvariant)]
    private static partial Regex MilestoneAge();

    [GeneratedRegex(@"(?<v>[0-9]{2}(?:\.[0-9]+)?)\s*(?:度|℃|°c|°|摄氏度|c\b)|(?:体温|烧到|烧至|高烧|发烧|发热|低烧|测了|量了|测得|量得|测的|量的|temperature of|temp of|temperature|temp)\s*(?:到|至|是|为|有|高达|最高|of|was|is|:)?\s*(?<v>[0-9]{2}(?:\.[0-9]+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex Celsius();

    [GeneratedRegex(@"(?<v>[0-9]{2,3}(?:\.[0-9]+)?)\s*(?:°f|f\b|degrees f|fahrenheit)", RegexOptions.CultureInvariant)]
    private static partial Regex Fahrenheit();

    [GeneratedRegex(@"(?<n>" + N + @"|几)\s*(?:多)?(?<half>个半)?(?:多)?(?<u>天|周|个?星期|个?礼拜|个月|年)", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseDuration();

    [GeneratedRegex(@"\b(?<n>[0-9]+(?:\.[0-9]+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(?<u>days?|weeks?|months?|years?)\b(?![\s-]*old)", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishDuration();

    [GeneratedRegex(@"(?:(?<k>身高|身长|个子|height|length)\s*(?:是|有|才|只有|为|:|is|of)?\s*(?<v>[0-9]+(?:\.[0-9]+)?)\s*(?<u>cm|厘米|公分|米|m)?)|(?<v>[0-9]+(?:\.[0-9]+)?)\s*(?<u>cm|厘米|公分)", RegexOptions.CultureInvariant)]
    private static partial Regex Height();

    [GeneratedRegex(@"(?:(?:体重|weight|weighs?)\s*(?:是|有|才|只有|为|:|is|of)?\s*(?<v>[0-9]+(?:\.[0-9]+)?)\s*(?<u>kg|公斤|千克|斤|g|克|lbs?|pounds)?)|(?<v>[0-9]+(?:\.[0-9]+)?)\s*(?<u>kg|公斤|千克|斤|lbs|pounds)", RegexOptions.CultureInvariant)]
    private static partial Regex Weight();

    [GeneratedRegex(@"(?:胆红素|黄疸值|黄疸指数|黄疸|经皮|tsb|tcb|bilirubin)[^0-9,，。;；]{0,8}?(?<v>[0-9]+(?:\.[0-9]+)?)\s*(?<u>umol/l|μmol/l|µmol/l|umol|μmol|µmol|mg/dl|mg)?", RegexOptions.CultureInvariant)]
    private static partial Regex Bilirubin();

    // A meter's reading at a site of the skin: a number after the site, not a count or a size ("胸口3个红点").
    [GeneratedRegex(@"(?:额头|前额|额部|脑门|面部|脸部|脸上|胸口|胸部|胸前|前胸|躯干|肚子|腹部)(?:是|为|测|测的|测得|测了|有|:|：)?\s*(?<v>[0-9]+(?:\.[0-9]+)?)(?![0-9.]*\s*(?:个|处|块|颗|次|天|周|岁|月|cm|厘米|毫米|mm|斤|kg|公斤|度|℃|点|多|小时))", RegexOptions.CultureInvariant)]
    private static partial Regex MeterSiteReading();

    [GeneratedRegex(@"黄疸|黄胆|胆红素|经皮|发黄|皮肤黄|脸黄|身上黄", RegexOptions.CultureInvariant)]
    private static partial Regex JaundiceCue();

    [GeneratedRegex(@"(?:(?:长|涨|胖|重|瘦|掉|减|轻|少|多|高|矮)了|(?<!身)长|涨|增加|增长|增重|减轻|减少|下降|出生(?:时|的)?(?:体重|身长)?(?:是|为|有)?|生下来(?:时|的)?(?:体重)?(?:是|有)?|birth\s*weight(?: of| was)?|gain(?:ed)?|lost|los(?:e|ing))\s*(?:体重)?\s*(?:约|大约|了)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ChangeOrBirthCue();

    [GeneratedRegex(@"直径|大小|头围|胸围|腰围|臂围|周长|范围|面积|宽|深|diameter|across|head", RegexOptions.CultureInvariant)]
    private static partial Regex OtherLengthCue();

    [GeneratedRegex(@"新生儿|早产儿|刚出生|出生(?:才|刚|后)?[0-9]+天|出生(?:才|刚|后)?[一二两三四五六七八九十]+天|出生不久|未满月|月子|\bnewborn|\bneonat", RegexOptions.CultureInvariant)]
    private static partial Regex NewbornCue();

    [GeneratedRegex(@"宝宝|宝贝|孩子|小孩|儿子|女儿|婴儿|婴幼儿|幼儿|男孩|女孩|小朋友|闺女|儿童|小儿|患儿|男宝|女宝|男婴|女婴|娃|小学|初中|幼儿园|\bbaby\b|\bchild|\bkids?\b|\bson\b|\bdaughter|\btoddler|\binfant|\bboy\b|\bgirl\b|\bteen", RegexOptions.CultureInvariant)]
    private static partial Regex ChildCue();

    [GeneratedRegex(@"怀孕|孕妇|孕期|备孕|孕[0-9]+周|哺乳期|我老公|老公|我老婆|丈夫|妻子|老人|老年|\bpregnan|\bmy (?:wife|husband)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AdultCue();

    [GeneratedRegex(@"女儿|女孩|闺女|女宝|小姑娘|女婴|女童|\bdaughter|\bgirl\b|\bshe\b|\bher\b", RegexOptions.CultureInvariant)]
    private static partial Regex FemaleCue();

    [GeneratedRegex(@"儿子|男孩|男宝|男婴|男童|小伙子|\bson\b|\bboy\b|\bhe\b|\bhis\b", RegexOptions.CultureInvariant)]
    private static partial Regex MaleCue();
}
