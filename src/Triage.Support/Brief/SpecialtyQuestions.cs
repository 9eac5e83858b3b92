using Triage.Domain.Classification;

namespace Triage.Support.Brief;

/// <summary>The questions a pilot specialist asks first, per specialty (Chinese, as asked of parents).</summary>
public static class SpecialtyQuestions
{
    /// <summary>The questions for a specialty; empty for <see cref="Specialty.Other"/>.</summary>
    public static IReadOnlyList<string> For(Specialty specialty) => specialty switch
    {
        Specialty.Growth =>
        [
            "孩子现在的身高、体重是多少？最近一年长了多少厘米？",
            "父母的身高各是多少？",
            "出生时是否足月？出生体重、身长多少？",
            "有没有出现青春期表现（乳房发育、阴毛、变声、月经）？几岁开始？",
            "有没有头痛、呕吐、视力变化、多饮多尿？",
            "以前做过骨龄、甲状腺功能或生长激素检查吗？",
        ],
        Specialty.Nutrition =>
        [
            "孩子现在的体重、身高是多少？最近体重怎么变化？",
            "每天吃几顿、吃什么？奶量多少？辅食怎么添加？",
            "有没有呕吐、腹泻、便秘或食物过敏？",
            "有没有补充维生素D、铁、钙等？剂量多少？",
            "精神和活动怎么样？有没有明显消瘦或水肿？",
        ],
        Specialty.Dermatology =>
        [
            "皮疹在什么部位？出现多久了？范围在扩大吗？",
            "痒不痒？有没有渗液、化脓、发热？",
            "以前用过什么药膏，效果怎么样？",
            "有没有过敏史或家族过敏史（湿疹、哮喘、过敏性鼻炎）？",
            "能否上传清晰的皮疹照片（自然光、近景和远景）？",
        ],
        _ => [],
    };
}
