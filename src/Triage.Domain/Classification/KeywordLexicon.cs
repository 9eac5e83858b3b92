using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Triage.Domain.Classification;

/// <summary>
/// The keyword lexicon of the rules-first classifier: what each pilot specialty is about
/// (policy §3), what it excludes, and the cues that a complaint needs an in-person visit.
/// </summary>
public static class KeywordLexicon
{
    /// <summary>Vote target for <see cref="Specialty.Growth"/>.</summary>
    public const string Growth = "specialty:growth";

    /// <summary>Vote target for <see cref="Specialty.Nutrition"/>.</summary>
    public const string Nutrition = "specialty:nutrition";

    /// <summary>Vote target for <see cref="Specialty.Dermatology"/>.</summary>
    public const string Dermatology = "specialty:dermatology";

    /// <summary>Vote target for <see cref="Specialty.Other"/>.</summary>
    public const string Other = "specialty:other";

    /// <summary>Vote target for <see cref="Disposition.Offline"/>: needs an in-person examination.</summary>
    public const string Offline = "disposition:offline";

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>Every cue, each pattern compiled once.</summary>
    public static readonly IReadOnlyList<KeywordCue> Cues = Build();

    /// <summary>
    /// The first hex digits of the SHA-256 of every cue (pattern, target, weight): part of a trained model's
    /// version, since the cues are features of the model, so a changed lexicon never ships under an old version.
    /// </summary>
    public static readonly string Version = Fingerprint(Cues);

    /// <summary>Any clinical content at all: a symptom, a body part, a concern about care.</summary>
    public static readonly Regex ClinicalContent = new(
        @"疼|痛|烧|热|咳|吐|泻|拉|疹|痒|肿|红|血|哭|睡|吃|奶|便|尿|病|症|炎|药|感冒|过敏|鼻|眼|耳|牙|喉|嗓|肚|头|身|皮|长|发育|高|重|瘦|胖|斑|痘|痣|疣|癣|毛|发|抽|晕|伤|摔|黄|疸|体重|身高|奶粉|辅食|钙|铁|锌|维生素|" +
        @"\b(?:pain|fever|cough|rash|itch|vomit|diarrh|eczema|skin|weight|height|grow|eat|feed|sleep|cry|hurt|sore|swell|spot|acne|wart|mole|hair|nail|bite|allerg|short|tall|milk|formula|vitamin|iron|calcium)",
        Options);

    // Cue positions by the characters their matches start with; cues that could start anywhere are always tried.
    private static readonly Dictionary<char, int[]> CuesByFirstChar = Cues
        .SelectMany((cue, i) => (cue.FirstChars ?? []).Select(c => (c, i)))
        .GroupBy(x => x.c, x => x.i)
        .ToDictionary(g => g.Key, g => g.ToArray());

    private static readonly int[] CuesAlwaysTried = [.. Cues.Select((cue, i) => (cue, i)).Where(x => x.cue.FirstChars is null).Select(x => x.i)];

    /// <summary>
    /// The cues the text affirms (a match not negated in its clause), in lexicon order. Only cues
    /// whose first character occurs in the text are tried: one pass over the text instead of one
    /// search per cue.
    /// </summary>
    public static IReadOnlyList<KeywordCue> Matches(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var candidate = new bool[Cues.Count];
        foreach (var i in CuesAlwaysTried)
        {
            candidate[i] = true;
        }

        foreach (var c in text)
        {
            if (CuesByFirstChar.TryGetValue(c, out var cues))
            {
                foreach (var i in cues)
                {
                    candidate[i] = true;
                }
            }
        }

        var matches = new List<KeywordCue>();
        for (var i = 0; i < candidate.Length; i++)
        {
            if (candidate[i] && Cues[i].FirstAffirmed(text) >= 0)
            {
                matches.Add(Cues[i]);
            }
        }

        return matches;
    }

    private static string Fingerprint(IEnumerable<KeywordCue> cues)
    {
        var lines = cues.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Pattern}\t{c.Target}\t{c.Weight}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..10];
    }

    private static List<KeywordCue> Build()
    {
        var cues = new List<KeywordCue>();
        void Add(string target, double weight, params string[] patterns)
        {
            foreach (var p in patterns)
            {
                cues.Add(new KeywordCue(p.Replace(@"\b", string.Empty, StringComparison.Ordinal), new Regex(p, Options), target, weight));
            }
        }

        Add(Growth, 2.5, "身高", "长高", "个子", "矮小", "长不高", "不长个", "生长激素", "骨龄", "生长发育", "发育迟缓", "发育落后", "发育慢",
            "青春期", "性早熟", "乳房发育", "初潮", "变声", "头围", "囟门(?:闭合|早闭|大|小)", "不会(?:走|坐|爬|说话|翻身|站|抬头|叫)",
            "说话(?:晚|迟|慢)", "走路(?:晚|迟|慢)", "大运动", "语言发育", "坐不稳", "站不稳", "矮", @"\bheight", @"\bshort(?:er)?\b", @"grow(?:ing)? taller",
            @"growth hormone", @"bone age", @"\bpubert", @"milestone", @"not (?:walking|talking|sitting|crawling)", @"head (?:size|circumference)",
            @"late (?:talker|walker)", @"\btall(?:er)?\b", @"breast (?:bud|development)", @"\bgrowth\b");
        Add(Growth, 1.5, "抬头", "翻身", "爬", "会走", "会坐", "说话", "发育", "站(?:不稳|不久|不起来|立)", "走路", "不会跑", "竖(?:头|起来)", "出声",
            "早熟", "胸(?:部)?(?:有点|很|比较)?大", "月经", "长(?:得)?(?:快|慢)", @"\bcrawl", @"\bwalk", @"\btalk");
        Add(Other, 3.0, "自闭", "孤独症", "多动", "抽动", "注意力", "学习成绩", "智力", "口吃", "脑瘫", @"\bautis", @"\badhd\b", @"\btics?\b");

        Add(Nutrition, 2.5, "挑食", "偏食", "不爱吃饭", "不好好吃饭", "不吃饭", "吃饭(?:少|不好|慢|不香)", "食欲(?:差|不好|不振|下降)", "厌食", "胃口",
            "辅食", "断奶", "喂养", "奶量", "转奶", "奶粉", "母乳", "体重", "偏瘦", "太瘦", "消瘦", "很瘦", "瘦小", "不长肉", "肥胖", "超重", "太胖",
            "偏胖", "减肥", "维生素", @"\bvd\b", @"\bad\b", "鱼肝油", "补钙", "缺钙", "钙", "缺铁", "补铁", "铁剂", "缺锌", "补锌", "锌",
            "微量元素", "贫血", "血红蛋白", "佝偻", "枕秃", "方颅", "鸡胸", "食物过敏", "牛奶蛋白过敏", "营养", "食谱", "吃奶(?:少|不好|不多)",
            @"\bpicky", @"fussy eat", @"\bfeeding", @"\bformula\b", @"breast ?fe", @"\bsolids\b", @"\bweaning", @"underweight", @"gain(?:ing)? weight",
            @"overweight", @"\bobes", @"\bvitamin", @"\bcalcium", @"\biron\b", @"\bzinc", @"\ban(?:a)?emi", @"\brickets", @"food allerg", @"\bdiet\b",
            @"\bappetite", @"\bweight\b", @"\bthin\b", @"won'?t eat", @"\bnutrition");
        Add(Nutrition, 1.5, "吃什么", "奶", "吃饭", "食欲", "瘦", "胖", "吃得少", "吃奶", "不吃奶", "吃不饱", "奶水", "戒奶", "奶瓶", "米粉", "喝水",
            "牛奶", "喝奶", "(?:可以|能|能不能|适合)(?:吃|喝)", "补品", "保健品", "斤", @"\beat", @"\bmilk");
        Add(Other, 2.5, "腹泻", "拉肚子", "呕吐", "便秘", "腹痛", "肚子(?:疼|痛)", "积食", "消化不良", "大便", "咳嗽", "感冒", "拉稀", "稀便", "奶瓣", "肠胃", "胀气", "打嗝", "大便",
            @"diarrh", @"\bvomit", @"constipat", @"stomach ?ache", @"tummy ache", @"\bcough", @"\bcold\b");

        Add(Dermatology, 2.5, "湿疹", "皮炎", "尿布疹", "红屁股", "痱子", "荨麻疹", "风团", "痤疮", "痘痘", "青春痘", "粉刺", "疣", "水瘊", "胎记", "痣",
            "血管瘤", "白癜风", "白斑", "脱发", "掉头发", "掉发", "斑秃", "头发", "癣", "蚊子", "虫咬", "叮咬", "蚊虫", "指甲", "甲沟炎", "银屑病",
            "牛皮癣", "皮疹", "疹子", "红疹", "起疹", "皮肤", "瘙痒", "痒", "脱皮", "红斑", "丘疹", "水泡", "水疱", "疙瘩", "红点", "鱼鳞", "晒伤",
            "冻疮", "脂溢", "头垢", "奶癣", "色素", "毛囊", "长了个包", "起包", "黑头", "汗疱", "蚊", "tinea",
            @"\beczema", @"dermatitis", @"(?:diaper|nappy|heat) rash", @"\bhives", @"urticaria", @"\bacne", @"\bpimple", @"\bwarts?\b",
            @"molluscum", @"birthmark", @"\bmoles?\b", @"ha?emangioma", @"vitiligo", @"hair loss", @"\bbald", @"ringworm", @"\bbites?\b",
            @"\bnails?\b", @"psoriasis", @"\brash", @"\bitch", @"\bskin\b", @"\bspots\b", @"\bpatch(?:es)?\b");
        Add(Dermatology, 1.5, "斑", "红", "疹", "包", "脸上", "身上", "斑点", "白点", "小点", "嘴角", "破皮", "生长纹", "汗毛", "眉毛", "痱", "小肉",
            "拴马桩", "划痕", "抓(?:伤|破)", "护肤");
        Add(Other, 3.5, "手足口", "水痘", "手(?:心)?(?:脚|足)(?:心)?.{0,4}(?:红点|疹|水泡|水疱)", "麻疹", "猩红热", "幼儿急疹", "风疹", "疱疹性咽峡炎", "带状疱疹", @"hand[, -]+foot", @"chicken ?pox",
            @"\bmeasles", @"scarlet fever");
        Add(Other, 2.0, "发烧", "发热", "高烧", "鼻炎", "鼻塞", "流鼻涕", "扁桃体", "中耳炎", "耳朵", "眼睛", "近视", "斜视", "牙", "肺炎", "支气管",
            "哮喘", "心脏", "心肌", "肾", "癫痫", "疫苗", "打针", "尿路", "包皮", "疝气", "鞘膜", "睾丸", "阴囊", "喉咙", "嗓子", "口腔", "溃疡",
            @"\bfever", @"\bear\b", @"\beyes?\b", @"\bteeth", @"\btooth", @"asthma", @"pneumonia", @"\bheart", @"vaccin", @"\bthroat");

        Add(Offline, 2.0, "硬块", "肿块", "包块", "越来越(?:多|大|严重|厉害)", "扩散", "蔓延", "反复(?:发作|不好|不愈|出现)", "一直不好", "不见好",
            "(?:治疗|用药|抹药|涂药)(?:后)?(?:无效|没(?:有)?效果|不见好|没(?:有)?好转)", "确诊", "增大", "畸形", "甲减", "甲状腺", "紫癜",
            "内分泌", "染色体", "越长越(?:多|大)", "点痣", "激光", "大水泡", "手心脚心", "红点.{0,10}(?:平|不痒|不凸)", "体重.{0,6}(?:不长|增长缓慢|不增|下降|掉)", "综合征", "囊肿", "息肉", "凹陷", "不对称", "不一样长", "歪", "硬", "肿",
            @"\blump", @"getting (?:worse|bigger)", @"\bspreading", @"not (?:improving|getting better)", @"\bsyndrome", @"\bcyst");
        Add(Offline, 1.0, "检查", "化验", "医院", "全身", "严重", "很多", @"\bworse", @"\ball over");
        return cues;
    }
}
