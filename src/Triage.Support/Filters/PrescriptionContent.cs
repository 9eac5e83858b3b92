using System.Text.RegularExpressions;

namespace Triage.Support.Filters;

/// <summary>
/// Recognises prescription-writing: a function meant to produce one (by name or description), or
/// text that reads like one (a drug with a dose and a frequency, "处方", "Rx:").
/// </summary>
public static partial class PrescriptionContent
{
    /// <summary>True when a function's name or description says it writes prescriptions.</summary>
    public static bool IsPrescribingFunction(string name, string? description) =>
        PrescribingName().IsMatch(name) || (description is not null && PrescribingName().IsMatch(description));

    /// <summary>True when text reads like a prescription or a dosing order.</summary>
    public static bool LooksLikePrescription(string? text) =>
        text is not null && (PrescriptionWords().IsMatch(text) || DoseWithFrequency().IsMatch(text));

    [GeneratedRegex(@"prescri|dosing|dosage|处方|开药|用药方案|剂量", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrescribingName();

    [GeneratedRegex(@"处方[:：]|\bRx\s*[:：]|开具处方|prescription\s*[:：]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrescriptionWords();

    [GeneratedRegex(@"\d+(?:\.\d+)?\s*(?:mg|毫克|ml|毫升|g|克|片|粒|iu|单位)(?:/kg)?[^。.;；\n]{0,20}(?:每日|每天|一日|bid|tid|qd|qid|q\d+h|times? (?:a|per) day|daily|次/日|日\d次)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DoseWithFrequency();
}
