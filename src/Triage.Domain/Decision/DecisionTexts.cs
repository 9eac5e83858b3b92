using System.Globalization;
using Triage.Domain.Classification;
using Triage.Domain.RedFlags;

namespace Triage.Domain.Decision;

/// <summary>The wording of reasons, follow-up questions and next steps, in Chinese and English.</summary>
public static class DecisionTexts
{
    private static readonly Dictionary<RedFlagTag, (string Zh, string En)> RedFlagNames = new()
    {
        [RedFlagTag.InfantFever] = ("3个月以下婴儿发热", "fever in an infant under 3 months"),
        [RedFlagTag.FeverPurpura] = ("发热伴出血点或瘀斑", "fever with petechiae or purpura"),
        [RedFlagTag.Breathing] = ("呼吸困难、发绀或窒息", "difficulty breathing, cyanosis or choking"),
        [RedFlagTag.Seizure] = ("抽搐或惊厥", "seizure or convulsion"),
        [RedFlagTag.Consciousness] = ("精神差、嗜睡、意识改变或哭闹不止", "drowsy, unresponsive, limp, confused or inconsolable"),
        [RedFlagTag.Dehydration] = ("脱水表现（无尿、无泪、囟门凹陷）", "signs of dehydration (no urine, no tears, sunken eyes or fontanelle)"),
        [RedFlagTag.GiBleedVomiting] = ("持续或胆汁性呕吐、呕血、咯血或便血", "persistent or bilious vomiting, vomiting or coughing blood, or blood in stool"),
        [RedFlagTag.SeverePain] = ("剧烈腹痛、睾丸痛或突发剧烈头痛", "severe abdominal or testicular pain, or a sudden worst-ever headache"),
        [RedFlagTag.Ingestion] = ("误服药物、毒物、电池或异物", "poisoning, medicine, battery or foreign-body ingestion"),
        [RedFlagTag.TraumaBurn] = ("头部外伤、严重外伤或烧烫伤", "head injury, major trauma or burn"),
        [RedFlagTag.Anaphylaxis] = ("面部、口唇或舌肿胀，或过敏伴呼吸吞咽困难", "swelling of face, lips or tongue, or allergy with breathing or swallowing trouble"),
        [RedFlagTag.SkinDetachment] = ("皮肤起疱剥脱伴口眼受累", "blistering or peeling skin with sore mouth or eyes"),
        [RedFlagTag.Kawasaki] = ("发热5天以上伴眼红、唇红、手足肿或皮疹（川崎病可能）", "fever for 5 days or more with red eyes, lips, swollen hands or rash (possible Kawasaki disease)"),
        [RedFlagTag.SelfHarm] = ("自伤或自杀想法", "self-harm or suicidal thoughts"),
        [RedFlagTag.Bleeding] = ("大量出血、血尿或孕期出血", "heavy bleeding, blood in urine, or bleeding in pregnancy"),
        [RedFlagTag.Meningism] = ("发热伴颈项强直、囟门膨隆或畏光（脑膜炎可能）", "fever with a stiff neck, a bulging fontanelle or pain from light (possible meningitis)"),
        [RedFlagTag.ChestPain] = ("胸痛、胸闷或心悸伴晕厥", "chest pain or pressure, or palpitations with fainting"),
        [RedFlagTag.Stroke] = ("口角歪斜、一侧肢体无力麻木、言语不清或突然视力丧失（卒中可能）", "face drooping, one-sided weakness or numbness, slurred or lost speech, or sudden loss of vision (possible stroke)"),
        [RedFlagTag.NeuroWithGrowth] = ("生长问题伴头痛、呕吐或视力改变", "growth concern with headache, vomiting or visual change"),
        [RedFlagTag.EarlyPubertyYoung] = ("女孩6岁前或男孩9岁前出现青春期表现", "puberty signs in a girl under 6 or a boy under 9"),
        [RedFlagTag.SevereMalnutrition] = ("严重营养不良（明显消瘦、水肿，或体重低于WHO标准-3个标准差）", "severe malnutrition (visible wasting, oedema, or weight more than 3 SD below the WHO curve)"),
        [RedFlagTag.EatingDisorder] = ("进食障碍伴晕厥、极低体重或拒食", "eating disorder with fainting, very low weight or food refusal"),
        [RedFlagTag.PolyuriaWeightloss] = ("多饮多尿伴体重下降（糖尿病可能）", "excessive thirst and urination with weight loss (possible diabetes)"),
        [RedFlagTag.HighRiskHemangioma] = ("高风险部位或溃烂、多发的血管瘤", "haemangioma in a high-risk site, ulcerated or multiple"),
        [RedFlagTag.SkinInfection] = ("皮肤感染、化脓或迅速扩散", "infected, pustular or rapidly spreading skin lesion"),
        [RedFlagTag.ChangingMole] = ("痣变大、出血或变化", "mole that changes, bleeds or grows fast"),
        [RedFlagTag.NeonatalJaundice] = ("新生儿黄疸", "jaundice in a newborn"),
        [RedFlagTag.SevereHyperbilirubinemia] = ("新生儿胆红素达重度高胆红素血症水平（≥342 µmol/L）", "newborn bilirubin at a severe level (342 µmol/L, 20 mg/dL, or more)"),
        [RedFlagTag.SevereShortStature] = ("身高低于同龄同性别儿童-3个标准差（WHO标准）", "height more than 3 SD below the WHO curve for age and sex"),
        [RedFlagTag.NeedsProcedure] = ("已需要住院、手术或操作", "already needs hospital care, surgery or a procedure"),
    };

    /// <summary>Asked when the age is unknown.</summary>
    public static readonly LocalizedText AskAge = new("age", "孩子现在多大了？请提供出生日期或年龄（如3岁2个月）。", "How old is the child? Please give the date of birth or age (e.g. 3 years 2 months).");

    /// <summary>Asked when it is unclear who the patient is.</summary>
    public static readonly LocalizedText AskSubject = new("subject", "这次咨询的是一位18岁以下的孩子吗？", "Is this consultation about a child under 18?");

    /// <summary>Asked when the complaint names no symptom.</summary>
    public static readonly LocalizedText AskSymptom = new("symptom", "孩子主要有什么不舒服？是身高发育、吃饭营养，还是皮肤方面的问题？", "What is the main problem: growth, eating and nutrition, or the skin?");

    /// <summary>Asked when the complaint gives no duration.</summary>
    public static readonly LocalizedText AskDuration = new("duration", "这种情况持续多久了？", "How long has this been going on?");

    /// <summary>Asked when a fever's height is unknown.</summary>
    public static readonly LocalizedText AskTemperature = new("temperature", "最高体温是多少度？", "What was the highest temperature?");

    /// <summary>The next step for each disposition and special case.</summary>
    public static readonly LocalizedText CallEmergency = new("call_emergency", "请立即前往急诊或拨打120。", "Go to an emergency department now or call 120.");

    /// <summary>In person within a day or two.</summary>
    public static readonly LocalizedText BookInPersonSoon = new("book_in_person_soon", "请尽快（24-48小时内）到医院线下就诊，不适合线上首诊。", "Book an in-person visit soon (within 24-48 hours); not suitable for an online first visit.");

    /// <summary>An ordinary in-person visit.</summary>
    public static readonly LocalizedText BookInPerson = new("book_in_person", "请预约线下门诊就诊。", "Book an in-person visit.");

    /// <summary>Not in the pilot.</summary>
    public static readonly LocalizedText UseUsualChannels = new("use_usual_channels", "不属于互联网首诊试点范围，请线下就诊；已有线下就诊记录的可申请线上复诊。", "Not covered by the online first-visit pilot: see a doctor in person, or use online follow-up if there is a prior in-person record.");

    /// <summary>Answer the follow-up questions.</summary>
    public static readonly LocalizedText AnswerQuestions = new("answer_questions", "请回答以下问题，以便判断是否适合线上首诊。", "Please answer the questions below so we can decide.");

    /// <summary>The guardian must be confirmed before booking.</summary>
    public static readonly LocalizedText ConfirmGuardian = new("confirm_guardian", "预约前请确认监护人全程在场。", "Confirm that a guardian will be present before booking.");

    /// <summary>The preferred hospital does not offer this specialty online.</summary>
    public static readonly LocalizedText ChoosePilotHospital = new("choose_pilot_hospital", "所选医院不提供该专科互联网首诊，请选择试点医院。", "The chosen hospital does not offer this specialty online; choose a pilot hospital.");

    /// <summary>Eligible: book.</summary>
    public static readonly LocalizedText BookOnline = new("book_online", "可预约该专科互联网首诊。", "Book an online first visit in this specialty.");

    /// <summary>The reason for one red flag; a flag the model raised says so, with its probability.</summary>
    public static LocalizedText RedFlagReason(RedFlagTag tag, double? modelProbability = null)
    {
        var (zh, en) = RedFlagName(tag);
        var code = $"red_flag.{RedFlagTags.Name(tag)}";
        return modelProbability is { } p
            ? new LocalizedText(code, $"危险信号（模型识别，概率{Percent(p)}）：{zh}", $"Red flag (recognised by the model, probability {Percent(p)}): {en}")
            : new LocalizedText(code, $"危险信号：{zh}", $"Red flag: {en}");
    }

    /// <summary>The Chinese and English name of a red flag.</summary>
    public static (string Zh, string En) RedFlagName(RedFlagTag tag) =>
        RedFlagNames.TryGetValue(tag, out var names) ? names : throw new ArgumentOutOfRangeException(nameof(tag), "a red-flag tag without wording");

    /// <summary>The model alone rates an emergency likely: said with its probability.</summary>
    public static LocalizedText ModelEmergency(double probability) => new(
        "model_emergency",
        $"未发现明确的危险信号，但模型判断急症概率为{Percent(probability)}，为安全起见请立即就医。",
        $"No named red flag, but the model rates an emergency at {Percent(probability)}: seek care now, to be safe.");

    private static string Percent(double p) => (p * 100).ToString(p < 0.1 ? "0.#" : "0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The Chinese and English name of a specialty.</summary>
    public static (string Zh, string En) SpecialtyName(Specialty specialty) => specialty switch
    {
        Specialty.Growth => ("儿童生长发育", "growth and development"),
        Specialty.Nutrition => ("儿童营养", "nutrition"),
        Specialty.Dermatology => ("儿童皮肤疾病", "dermatology"),
        _ => ("其他专科", "another specialty"),
    };

    /// <summary>A reason without parameters.</summary>
    public static LocalizedText Reason(string code) => code switch
    {
        "adult" => new(code, "患者为成年人，试点仅面向18岁以下儿童。", "The patient is an adult; the pilot is for children under 18."),
        "no_clinical_content" => new(code, "描述中没有可判断的症状或健康问题。", "The text describes no symptom or health concern."),
        "fever_age_unknown" => new(code, "发热但年龄不明：3个月以下婴儿发热属于急症，需先确认年龄。", "Fever with unknown age: in an infant under 3 months it is an emergency, so the age is needed."),
        "subject_unknown" => new(code, "无法确定患者是否为儿童及其年龄。", "It is not clear whether the patient is a child, or how old."),
        "symptom_unknown" => new(code, "未说明孩子的具体问题。", "The problem itself is not described."),
        "needs_examination" => new(code, "需要线下查体、检查或操作，或病情复杂、在加重，不适合线上首诊。", "Needs an in-person examination, tests or a procedure, or is complex or worsening: not suitable online."),
        "model_uncertain" => new(code, "无法确定是否适合线上首诊，为安全起见建议线下就诊。", "It is not clear enough that this suits an online visit; for safety, see a doctor in person."),
        "pilot_inactive" => new(code, "当前不在互联网首诊试点期内。", "The online first-visit pilot is not running on this date."),
        "guardian_required" => new(code, "互联网首诊需监护人全程在场。", "A guardian must be present throughout an online first visit."),
        "under_six" => new(code, "6岁以下儿童线上开具处方需监护人和相关专业医师在场。", "An online prescription for a child under 6 needs a guardian and a relevant physician present."),
        _ => new(code, code, code),
    };

    /// <summary>The reason that a specialty is or is not in the pilot.</summary>
    public static LocalizedText SpecialtyReason(Specialty specialty, bool eligible)
    {
        var (zh, en) = SpecialtyName(specialty);
        return eligible
            ? new("pilot_specialty", $"属于试点专科（{zh}），病情稳定，无危险信号。", $"Belongs to a pilot specialty ({en}), stable, no red flags.")
            : new("not_pilot_specialty", "不属于试点的三个专科（生长发育、营养、皮肤）。", "Not one of the three pilot specialties (growth, nutrition, dermatology).");
    }
}
