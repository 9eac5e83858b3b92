using System.Text.RegularExpressions;
using Triage.Models.Facts;

namespace Triage.Models.RedFlags;

/// <summary>
/// The red flags of the triage policy (§4), in Chinese and English. Written for recall: a
/// false alarm costs a parent a trip, a miss can cost a child.
/// </summary>
public static class RedFlagCatalog
{
    /// <summary>Emergency tags, in the policy's order.</summary>
    public static readonly IReadOnlyList<string> EmergencyTags =
    [
        "infant_fever", "fever_purpura", "breathing", "seizure", "consciousness", "dehydration", "gi_bleed_vomiting",
        "severe_pain", "ingestion", "trauma_burn", "anaphylaxis", "skin_detachment", "kawasaki", "self_harm", "bleeding",
    ];

    /// <summary>Offline tags, in the policy's order.</summary>
    public static readonly IReadOnlyList<string> OfflineTags =
    [
        "neuro_with_growth", "early_puberty_young", "severe_malnutrition", "eating_disorder", "polyuria_weightloss",
        "high_risk_hemangioma", "skin_infection", "changing_mole", "neonatal_jaundice", "needs_procedure",
    ];

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static readonly Regex GrowthContext = new(@"身高|长高|个子|矮|生长(?:激素|发育|缓慢|迟缓|慢)|不长个|height|short stature|growth|\btall\b", Options);
    private static readonly Regex NutritionContext = new(@"瘦|营养|体重|吃饭|喂养|奶|辅食|不长肉|weight|thin|malnutrition|feeding|eat", Options);
    private static readonly Regex ChronicCue = new(@"术后|手术|后遗症|恢复|康复|多久|多长时间|个月|以前|之前|去年|愈合|\bafter surgery|months ago", Options);
    private static readonly Regex ExplicitJaundice = new(@"黄疸|黄胆|退黄|蓝光|胆红素|jaundice|phototherapy|bilirubin", Options);

    /// <summary>All rules; several may raise the same tag.</summary>
    public static readonly IReadOnlyList<RedFlagRule> Rules =
    [
        // --- emergency ---
        Emergency("infant_fever", @"低热|发热|发烧|发热|高烧|高热|低烧|烧到|体温(?:高|升高|\d)|\d{2}(?:\.\d)?\s*(?:度|℃|°)|\bfevers?\b|\bfebrile\b|\btemperature\b",
            (f, _) => f.IsYoungInfant && f.Fever && (f.TemperatureC is null || f.TemperatureC >= 38)),
        Emergency("fever_purpura", @"瘀点|瘀斑|淤点|淤斑|出血点|出血性皮疹|紫癜|紫斑|压之?不褪|按压不褪|不褪色|petechia|purpura|non-?blanching|doesn'?t fade|does not fade",
            (f, _) => f.Fever),
        Emergency("breathing", @"(?<!哮|咳)喘(?!息性|灵)|出气(?:都)?(?:难|粗|困难|不畅|费劲)|出不来气|接不上气|上不来气|(?<!鼻子|鼻)呼吸(?:[^不没无]{0,4})(?:急|短|促|声音粗)|半天才呼吸|哼哧|呛(?:到|进)?.{0,4}气管|(?<!鼻子|鼻)呼吸(?:困难|急促|费力|不畅|不顺|很快|快|暂停|停止|弱)|喘不(?:上|过)气|上不来气|透不过气|憋气|憋得|气促|气喘吁吁|三凹|鼻翼煽动|鼻翼扇动|呻吟|(?:嘴唇|口唇|嘴|脸|面色|脸色|皮肤)(?:发|有点|青)?(?:紫|青紫|发青|乌)|发绀|紫绀|哭乌|窒息|噎住|卡住喉咙|呛(?:到|奶|着).{0,8}(?:肺|脸|紫|喘|不过气)|喉咙.{0,6}堵|呼吸机|\b(?:difficulty|trouble|struggling|hard) breathing|can'?t breathe|cannot breathe|short(?:ness)? of breath|breathless|gasping|grunting|blue (?:lips|face|skin)|cyanos|turn(?:ed|ing|s)? blue|chok(?:e|ed|ing)|stopped breathing|laboured breathing|labored breathing"),
        Emergency("seizure", @"癫痫|抽经|口吐白沫|吐白沫|(?:四肢|手脚|身体|全身|腿|手|脚|胳膊)(?:不断|一直|突然)?(?:的)?(?:抽动|抽(?!血|烟|时间|空)|颤动|抖动)|(?:两眼|眼睛|眼|眼球)(?:往上|向上|上)?翻|翻白眼|牙(?:关)?咬紧|抽搐|惊厥|抽风|癫痫发作|羊癫疯|羊角风|四肢抽动|全身抽动|\bseizures?\b|\bconvuls|\bfitting\b|having a fit|had a fit"),
        Emergency("consciousness", @"精神(?:也|都)?(?:不好|很差|差)|(?:软|瘫)(?:的|得)?(?:动也不想动|不想动)|无应答|没(?:有)?反应|意识丧失|不哭不闹.{0,4}(?:不动|不吃)|昏迷|意识不清|意识模糊|神志不清|叫不醒|喊不醒|嗜睡|昏睡|精神萎靡|萎靡|没精神|精神(?:差|不好|很差)|反应(?:差|迟钝|很慢)|软绵绵|四肢无力|全身(?:无力|发软)|哭声(?:尖|高尖|微弱)|尖叫|哭(?:闹)?(?:个)?不停|哭闹不止|晕倒|晕厥|昏倒|不省人事|\bunresponsive|\bunconscious|\bvery (?:drowsy|sleepy)|\blethargic|\blimp\b|\bfloppy|inconsolable|high-?pitched cr|hard to wake|won'?t wake|passed out|\bfaint(?:ed|ing)?\b"),
        Emergency("dehydration", @"(?:尿|尿尿|小便)(?:都|也)?没(?:有)?|一点(?:尿|尿尿|小便)(?:都|也)?没|小便(?:很|特别|比较)?少|无尿|没尿|没有尿|少尿|不尿|不(?:撒|拉|解)尿|尿(?:很|特别|非常)?少|(?:\d+|几|[一二两三四五六七八九十]+)个?(?:多)?小时(?:都)?没(?:有)?(?:尿|小便)|没(?:有)?小便|没(?:有)?眼泪|无泪|眼窝凹陷|眼眶凹陷|眼睛凹陷|囟门(?:凹陷|塌陷|下陷)|前囟(?:凹陷|塌陷)|头(?:芯|顶).{0,6}(?:塌|凹|陷)|严重脱水|脱水|\bno (?:urine|wee|pee|wet (?:diapers?|nappies|nappy))|no tears|sunken (?:eyes|fontanel)|dehydrat"),
        Emergency("gi_bleed_vomiting", @"(?:吃|喝)[^,，。.;；]{0,4}(?:就|老|都|又)(?:会)?吐|(?:吐|呕吐)(?:了)?(?:[2-9]|\d{2,}|[二两三四五六七八九十几]+)(?:次|回)|吐奶(?:特别|很|非常)?(?:严重|厉害|频繁)|(?:便|粑粑|屎|拉).{0,12}血|从口鼻喷|恶心呕吐|吐血|呕血|咯血|便血|拉血|血便|(?:大便|便便|粑粑|屎|拉的|排便).{0,8}(?:血|黑色|发黑|黑的|柏油)|柏油样|黑便|吐(?:出)?(?:的)?(?:是)?(?:绿|黄)(?:水|色|的)|胆汁|喷射(?:性|状)?(?:呕)?吐|持续(?:性)?(?:呕)?吐|反复(?:呕)?吐|(?:一直|总是|老是|不停(?:地|的)?|频繁)(?:呕吐|吐(?!奶|泡|舌|字|痰|口水|槽))|吃什么吐什么|吃(?:了)?就吐|吐个不停|(?:呕吐|吐了)(?:多|好几|几|[二两三四五六七八九十]|\d+)次|全(?:都)?吐(?:出来|了)|\bvomit(?:ing|ed|s)? (?:blood|green|bile)|bloody (?:stool|poo|diarrh)|blood in (?:the |his |her )?(?:stool|poo|nappy|diaper)|black (?:stool|poo)|bilious|projectile vomit|(?:keeps|persistent(?:ly)?|repeated(?:ly)?|constant(?:ly)?) vomit|vomiting everything"),
        Emergency("severe_pain", @"(?:疼|痛)得(?:厉害|要命|受不了|直哭)|抽痛|(?:剧烈|剧|严重|非常|特别)(?:的)?(?:腹痛|肚子(?:疼|痛)|疼痛|头痛)|(?:腹痛|肚子(?:疼|痛))(?:得)?(?:剧烈|厉害|打滚|难忍)|疼得打滚|痛得打滚|睾丸(?:疼|痛|肿痛|扭转)|阴囊(?:疼|痛|肿痛)|蛋蛋疼|\bsevere (?:abdominal|stomach|tummy|belly) pain|testic(?:le|ular) pain|pain in (?:his|the) testic|scrotal pain"),
        Emergency("ingestion", @"超量|过量|多吃了(?:药)?|(?:吃|喝|冲)(?:了)?(?:两|三|几|一)?(?:袋|包|瓶)半|(?:鼻子|鼻孔|耳朵|耳道)(?:里)?(?:有|塞|进)(?:了)?(?:块|个|颗|东西)|呛(?:到|进).{0,6}(?:气管|肺)|误服|误食|误吞|误喝|误吃|(?:不小心|偷吃|偷偷|自己拿).{0,6}(?:吃|喝|吞|服)|吞(?:了|下|进)(?:去|了)?.{0,6}(?:电池|硬币|磁|珠|钉|针|药|异物|别针|纽扣)|纽扣电池|(?<!酸)中毒|一氧化碳|煤气|异物(?!感)|卡在(?:喉|嗓|食道|气管)|(?:喝|吃)了.{0,6}(?:84|消毒|洗衣|洗洁精|农药|老鼠药|鼠药|杀虫剂|干燥剂|酒精|白酒)|\bswallow(?:ed)? (?:a |an |some )?(?:battery|coin|magnet|pill|tablet|medicine|bleach)|\bingest|\bpoison|button battery|foreign body|\boverdose|drank (?:bleach|detergent|alcohol)"),
        Emergency("trauma_burn", @"(?:摔|滑|跌)(?:了|下去|下来|倒|到)?.{0,12}(?:鼓(?:了)?(?:个)?包|起(?:了)?(?:个)?包|头|脑)|(?:摔|跌|磕|撞)(?:了|到|倒|伤|下|破)?.{0,6}(?:头|脑|后脑勺|额头|脸)|(?:头|脑袋|后脑勺|额头)(?:部)?.{0,4}(?:摔|磕|撞|碰)|从.{0,10}(?:床|楼|楼梯|椅子|沙发|车|桌子|高处|窗|台阶|推车)(?:上)?.{0,6}(?:摔|掉|跌|滚|翻)|车祸|被车撞|烫伤|烧伤|开水烫|严重外伤|\bhead injury|\bhit (?:his|her|their|the) head|bumped (?:his|her|their) head|fell (?:off|from|down)|\bburn(?:ed|t|s)?\b|\bscald|car accident"),
        Emergency("trauma_burn", @"骨折|骨裂|\bbroken (?:arm|leg|bone)",
            (f, t) => f.Subject != PatientSubject.Adult && !ChronicCue.IsMatch(t)),
        Emergency("anaphylaxis", @"(?:脸|面部|嘴唇|眼睑|眼皮)(?:部)?(?:红肿)|(?:脸|面部|嘴唇|口唇|嘴巴|舌头|眼睛|眼皮|眼睑|喉头)(?:部)?(?:都|有点|明显|突然)?(?:肿|水肿|浮肿|肿胀|肿起|发肿)|喉头水肿|过敏性休克|(?:荨麻疹|风团|疹子|过敏|起包).{0,20}(?:呼吸困难|喘不上气|胸闷|吞咽困难|咽不下)|\bswollen (?:face|lips?|tongue|eyes?|throat)|(?:face|lips?|tongue|throat|eyes?) (?:is |are |got |became |looks? )?(?:swell|swollen|puffy)|anaphyla|trouble swallowing|difficulty swallowing"),
        Emergency("skin_detachment", @"(?:皮肤|全身|大片)(?:大片)?(?:剥脱|脱落|起大疱|大疱|大水疱|大水泡|烫伤样)|表皮(?:松解|剥脱)|葡萄球菌烫伤|(?:水疱|水泡|脱皮|起疱).{0,20}(?:口腔|嘴里|嘴巴|眼睛).{0,6}(?:溃烂|烂|疼|红|溃疡)|\bstevens|\bsjs\b|toxic epidermal|scalded skin|skin (?:is )?(?:peeling|sloughing) off|(?:blister|peeling).{0,40}(?:mouth|eyes)"),
        Emergency("kawasaki", @"川崎|眼(?:睛)?(?:发)?红|结膜充血|嘴唇(?:发红|鲜红|干裂|红)|杨梅舌|草莓舌|手(?:脚|足)?.{0,4}(?:肿|硬肿)|脚.{0,2}肿|(?:手指|脚趾|指尖).{0,4}脱皮|皮疹|疹子|出疹|\bkawasaki|red eyes|red lips|cracked lips|strawberry tongue|swollen (?:hands|feet)|peeling (?:fingers|skin)|\brash\b",
            (f, t) => t.Contains("川崎", StringComparison.Ordinal) || t.Contains("kawasaki", StringComparison.Ordinal) || f.FeverDays >= 5),
        Emergency("self_harm", @"自杀|自残|自伤|割腕|不想活|想死|轻生|伤害自己|结束(?:自己的)?生命|\bsuicid|self[- ]?harm|kill (?:myself|himself|herself|themselves)|hurt(?:ing)? (?:himself|herself|themselves)|\bcutting (?:himself|herself)"),
        Emergency("bleeding", @"(?:见红|出血|流血)(?:好多|很多|不少)|大出血|出血不止|血流不止|流血不止|止不住血|血止不住|(?:流了|出了)(?:很多|好多|大量)(?:的)?血|大量出血|(?:鼻血|流血|出血).{0,6}(?:止不住|不止|停不下)|\bheavy bleeding|bleeding (?:heavily|a lot)|(?:won'?t|will not|doesn'?t) stop bleeding|bleeding (?:that )?(?:won'?t|will not) stop"),

        // --- offline ---
        Offline("neuro_with_growth", @"头痛|头疼|呕吐|视力(?:下降|模糊|变差)|看不清|视物模糊|视野|\bheadaches?\b|\bvomit|vision|can'?t see|blurr",
            (_, t) => GrowthContext.IsMatch(t)),
        Offline("early_puberty_young", @"乳房(?:发育|硬块|硬结|肿块|长大|隆起|肿)|乳核|奶核|(?:胸|乳头|乳晕)(?:部)?(?:发育|硬块|硬结|隆起|变大|鼓)|阴毛|腋毛|来月经|月经|来例假|初潮|变声|喉结|睾丸(?:增大|变大)|阴茎(?:增大|变大)|性早熟|\bbreast (?:bud|budding|development|lump|enlargement)|\bpubic hair|\bunderarm hair|\bperiods?\b|\bmenarche|voice (?:breaking|deepening)|early puberty|precocious",
            (f, _) => f.AgeMonths is { } m && (f.Sex == Sex.Male ? m < 108 : f.Sex == Sex.Female ? m < 72 : m < 108)),
        Offline("severe_malnutrition", @"严重营养不良|重度营养不良|极度消瘦|明显消瘦|消瘦明显|皮包骨|骨瘦如柴|瘦得(?:很厉害|不成样|皮包骨|脱相)|浮肿|(?<!肺|脑|喉头|喉)水肿|\bwasting|skin and bones|severe(?:ly)? malnourish|severe malnutrition|\boedema|\bedema|swollen (?:legs|feet|ankles)",
            (_, t) => NutritionContext.IsMatch(t)),
        Offline("eating_disorder", @"厌食症|神经性厌食|暴食症|催吐|抠喉|(?:节食|减肥|不肯吃|不吃饭|拒食).{0,20}(?:晕倒|晕厥|昏倒|停经|闭经|瘦到|皮包骨)|\banorexi|\bbulimi|eating disorder|making (?:herself|himself|themselves) (?:sick|vomit)|refus(?:es|ing|ed) (?:to eat|food|all food)|stopped eating"),
        Offline("polyuria_weightloss", @"(?:多饮|多尿|喝水(?:很|特别|非常|越来越)?多|总(?:是)?(?:口)?渴|口渴|尿(?:很|特别)?(?:多|频)|老是尿|夜尿).{0,30}(?:消瘦|瘦了|变瘦|体重(?:下降|减轻|掉|减少)|掉秤)|(?:消瘦|瘦了|变瘦|体重(?:下降|减轻|减少)).{0,30}(?:多饮|多尿|喝水(?:很|特别|非常)?多|口渴|尿(?:很|特别)?(?:多|频))|三多一少|糖尿病|(?:thirst|drinking (?:a lot|lots)|peeing a lot|urinat).{0,60}(?:weight loss|losing weight|lost weight)|\bdiabet"),
        Offline("high_risk_hemangioma", @"血管瘤|红胎记|草莓(?:状)?(?:痣|血管瘤)|\bha?emangioma|strawberry mark",
            (_, t) => Regex.IsMatch(t, @"眼|嘴|唇|口|鼻|气道|喉|脸|面部|额头|溃烂|破溃|溃疡|出血|流血|多发|很多|好几个|多个|长得(?:很)?快|越来越大|迅速|\beye|\blip|mouth|nose|airway|face|ulcer|bleed|many|multiple|growing fast|rapid", RegexOptions.CultureInvariant)),
        Offline("skin_infection", @"脓包|脓疱|化脓|流脓|脓肿|有脓|脓液|蜂窝(?:组)?织炎|丹毒|毛囊炎|疖子|疖肿|红肿热痛|(?:红肿|红|肿).{0,6}(?:扩散|蔓延|越来越大|范围变大)|(?:流|渗)(?:黄水|黄色液体|黄色的水|脓|液)|渗液|(?:皮肤|伤口|创口|湿疹|皮疹|疹子|痘|指甲|甲沟|脚趾|手指|毛囊|破皮|破溃|皮).{0,8}(?:感染|发炎)|\babscess|\bcellulitis|\bpus\b|\binfected|spreading (?:redness|rash|fast)|\booz(?:e|ing)|impetigo"),
        Offline("changing_mole", @"(?:痣|黑痣|色素痣).{0,15}(?:变大|长大|增大|长得(?:很)?快|出血|流血|变色|颜色(?:变|加深)|边缘不(?:规则|整齐)|破了|溃烂|发痒|痒)|\bmole.{0,30}(?:chang|grow|bleed|itch|bigger|darker|irregular)"),
        Offline("neonatal_jaundice", @"黄疸|黄胆|退黄|胆红素|(?:皮肤|脸|面|眼白|眼睛|全身|身上)(?:色|部)?(?:有点|一直|偏|发|很)?(?:发|偏)?黄|照蓝光|蓝光|\bjaundice|yellow (?:skin|eyes)|phototherapy",
            (f, t) => f.AgeMonths is < 3.05 || f.Newborn || (f.AgeMonths is null && ExplicitJaundice.IsMatch(t))),
        Offline("needs_procedure", @"手术|开刀|住院|正在(?:医院)?治疗|icu|监护室|重症|化疗|透析|穿刺|\bsurgery\b|\boperation\b|\bhospitali[sz]ed|\badmitted\b|\bprocedure\b|\bbiopsy"),
    ];

    private static RedFlagRule Emergency(string tag, string pattern, Func<ComplaintFacts, string, bool>? condition = null) =>
        new(tag, RedFlagSeverity.Emergency, new Regex(pattern, Options), condition);

    private static RedFlagRule Offline(string tag, string pattern, Func<ComplaintFacts, string, bool>? condition = null) =>
        new(tag, RedFlagSeverity.Offline, new Regex(pattern, Options), condition);
}
