namespace Triage.Domain.Prescriptions;

/// <summary>
/// The specially controlled drug classes no online prescription may contain (互联网诊疗管理办法:
/// 麻醉药品, 精神药品, 医疗用毒性药品, 放射性药品), recognised by the declared class and, since a class
/// can be declared wrongly, by the names of the controlled drugs a children's hospital meets.
/// </summary>
public static class ControlledDrugs
{
    /// <summary>The only class an online prescription may hold.</summary>
    public const string Ordinary = "ordinary";

    /// <summary>The declared classes that are refused.</summary>
    public static readonly IReadOnlyList<string> ControlledClasses = ["narcotic", "psychotropic", "toxic", "radioactive"];

    private static readonly string[] Names =
    [
        "吗啡", "可待因", "芬太尼", "哌替啶", "杜冷丁", "曲马多", "美沙酮", "羟考酮", "丁丙诺啡", "氯胺酮", "阿片",
        "地西泮", "安定", "劳拉西泮", "氯硝西泮", "咪达唑仑", "阿普唑仑", "艾司唑仑", "三唑仑", "苯巴比妥", "鲁米那", "水合氯醛",
        "哌甲酯", "利他林", "专注达", "唑吡坦", "佐匹克隆", "砷", "汞",
        "morphine", "codeine", "fentanyl", "pethidine", "meperidine", "tramadol", "methadone", "oxycodone", "buprenorphine", "ketamine", "opium",
        "diazepam", "lorazepam", "clonazepam", "midazolam", "alprazolam", "estazolam", "triazolam", "phenobarbital", "chloral hydrate",
        "methylphenidate", "ritalin", "concerta", "zolpidem", "zopiclone",
    ];

    /// <summary>Why <paramref name="drug"/> may not be prescribed online, or null when it may.</summary>
    public static string? RefusalReason(string drug, string drugClass)
    {
        ArgumentNullException.ThrowIfNull(drug);
        ArgumentNullException.ThrowIfNull(drugClass);
        var declared = drugClass.Trim().ToLowerInvariant();
        if (ControlledClasses.Contains(declared))
        {
            return $"declared {declared}: specially controlled drugs may not be prescribed online";
        }

        if (declared.Length > 0 && declared != Ordinary)
        {
            return $"unknown drug class '{declared}': use {Ordinary} or one of {string.Join(", ", ControlledClasses)}";
        }

        var name = drug.Trim().ToLowerInvariant();
        return Names.Any(n => name.Contains(n, StringComparison.Ordinal))
            ? "a specially controlled drug (narcotic, psychotropic or toxic) may not be prescribed online"
            : null;
    }
}
