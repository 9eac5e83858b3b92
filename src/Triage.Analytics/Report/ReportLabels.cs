namespace Triage.Analytics.Report;

/// <summary>The report's words: Chinese first, English after, for every measure and coded value it shows.</summary>
internal static class ReportLabels
{
    private static readonly Dictionary<string, (string Zh, string En)> Words = new(StringComparer.Ordinal)
    {
        ["cases"] = ("病例", "cases"),
        ["assessments"] = ("评估次数", "assessments"),
        ["online"] = ("线上首诊", "online"),
        ["emergency"] = ("急诊", "emergency"),
        ["offline"] = ("线下就诊", "offline"),
        ["out_of_scope"] = ("不在试点范围", "out of scope"),
        ["needs_info"] = ("需补充信息", "needs information"),
        ["booked"] = ("已预约", "booked"),
        ["started"] = ("已开始", "started"),
        ["completed"] = ("已完成", "completed"),
        ["terminated"] = ("已终止", "terminated"),
        ["growth"] = ("生长发育", "growth"),
        ["nutrition"] = ("营养", "nutrition"),
        ["dermatology"] = ("皮肤", "dermatology"),
        ["other"] = ("其他", "other"),
        ["beijing"] = ("北京", "Beijing"),
        ["out_of_town"] = ("京外", "out of town"),
        ["unknown"] = ("未知", "unknown"),
        ["unspecified"] = ("未指定", "unspecified"),
        ["alerted_cases"] = ("出现警报的就诊", "visits with an alert"),
        ["alerts"] = ("警报", "alerts"),
        ["emergency_alerts"] = ("急症警报", "emergency alerts"),
        ["terminated_emergency"] = ("因急症终止", "terminated: emergency"),
        ["terminated_unsuitable_online"] = ("因不适合线上终止", "terminated: unsuitable online"),
        ["terminated_condition_changed"] = ("因病情变化终止", "terminated: condition changed"),
        ["hazardous_misses"] = ("判为线上、医生按急症终止", "decided online, terminated as emergency"),
        ["not_whitelisted_at_start"] = ("接诊医生当时不在白名单", "consultations by a physician not whitelisted then"),
        ["without_guardian"] = ("未确认监护人在场的预约", "bookings without a confirmed guardian"),
        ["prescriptions"] = ("处方", "prescriptions"),
        ["unsigned_prescriptions"] = ("非医生本人签名的处方", "prescriptions not signed by the physician"),
        ["prescriptions_after_unacknowledged_alert"] = ("急症警报未经医生决定即开具的处方", "prescriptions after an unacknowledged emergency alert"),
        ["continued_after_alert"] = ("警报后医生书面说明继续", "continued online after an alert, with a reason"),
        ["handed_back"] = ("医生交回的就诊", "visits handed back"),
        ["physicians"] = ("医生人数", "physicians"),
        ["visits_per_physician"] = ("人均接诊", "visits per physician"),
        ["consultation_minutes_median"] = ("问诊时长中位数（分钟）", "consultation minutes, median"),
        ["observed_agreement"] = ("一致率", "observed agreement"),
        ["kappa"] = ("Cohen's κ", "Cohen's kappa"),
        ["agreed"] = ("一致", "agreed"),
        ["disposition"] = ("分流", "disposition"),
        ["specialty"] = ("专科", "specialty"),
    };

    /// <summary>"中文 English" for a code, or the code itself when it has no words (a model version, a red-flag tag).</summary>
    public static string Of(string code) => Words.TryGetValue(code, out var w) ? $"{w.Zh} {w.En}" : code;

    /// <summary>Chinese alone, for tight places (chart axes).</summary>
    public static string Short(string code) => Words.TryGetValue(code, out var w) ? w.Zh : code;
}
