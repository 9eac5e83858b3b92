using System.Globalization;
using System.Net;
using System.Text;
using Triage.Analytics.Queries;

namespace Triage.Analytics.Report;

/// <summary>
/// Renders an <see cref="EvaluationReport"/> as one self-contained HTML file: inline CSS and SVG
/// charts, no script and nothing fetched, so it opens offline and can be archived as it is.
/// Every figure shown carries <c>data-figure="section.measure"</c> so that tests (and the platform's
/// tools) can read the numbers back.
/// </summary>
public static class ReportRenderer
{
    private static readonly string[] Dispositions = ["online", "offline", "emergency", "out_of_scope", "needs_info"];
    private static readonly string[] Colours = ["#2e7d32", "#f9a825", "#c62828", "#6d4c41", "#1565c0"];

    /// <summary>The HTML of <paramref name="report"/>.</summary>
    public static string Render(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder(64 * 1024);
        var title = $"互联网首诊试点评估报告 Internet first-visit pilot evaluation · {report.From:yyyy-MM-dd} – {report.To:yyyy-MM-dd}";
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title><style>")
            .Append("body{font-family:'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;margin:2rem;max-width:70rem;color:#222}")
            .Append("h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}table{border-collapse:collapse;margin:.5rem 0}")
            .Append("td,th{border:1px solid #ddd;padding:.25rem .6rem;text-align:right}th{background:#f4f4f4}td.k,th.k{text-align:left}")
            .Append(".ok{background:#e8f5e9}.bad{background:#ffebee;font-weight:bold}.note{color:#555;font-size:.85rem}svg text{font-size:11px}")
            .Append("</style></head><body>");
        html.Append("<h1>").Append(E(title)).Append("</h1>");
        html.Append("<p class=\"note\">北京市互联网首诊试点（儿童：生长发育、营养、皮肤）。数据来自病例日志，已去标识化：不含患者、病例编号或文本；少于 ")
            .Append(EvaluationQueries.MinimumGroupSize).Append(" 例的分组不显示。 De-identified figures from the case journals: no patient, case id or text; groups of fewer than ")
            .Append(EvaluationQueries.MinimumGroupSize).Append(" cases are not shown.</p>");

        Totals(html, report.Tables["totals"]);
        MonthlyChart(html, report.Tables["by_month"]);
        Dispositions_(html, report.Tables["totals"]);
        Table(html, "按医院 By hospital", report.Tables["by_hospital"], "by_hospital");
        Table(html, "按居住地 By province", report.Tables["by_province"], "by_province");
        Table(html, "按年龄段 By age band", report.Tables["by_age"], "by_age");
        Table(html, "线下分流原因 Redirections offline by reason", report.Tables["redirections"], "redirections");
        Table(html, "线下分流的危险信号 Red flags of redirections", report.Tables["red_flags"], "red_flags");
        Funnel(html, report.Tables["funnel"]);
        Table(html, "就诊中警报与终止 In-visit alerts and terminations", report.Tables["visits"], "visits");
        Table(html, "与医生最终判断的一致性 Agreement with the physician (Cohen's κ)", report.Tables["agreement"], "agreement");
        Matrix(html, report.Tables["agreement_matrix"]);
        Compliance(html, report.Tables["compliance"]);
        Table(html, "医生工作量 Physicians' workload by specialty", report.Tables["workload"], "workload");

        var suppressed = report.Tables.Values.Sum(t => t.SuppressedGroups);
        html.Append("<p class=\"note\">不显示的小分组 Groups suppressed (fewer than ").Append(EvaluationQueries.MinimumGroupSize).Append(" cases): <span data-figure=\"suppressed\">")
            .Append(suppressed).Append("</span>. 生成时间 Made at ").Append(E(report.MadeAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)))
            .Append(" · 来源 Source: ").Append(E(report.Source)).Append("</p></body></html>");
        return html.ToString();
    }

    private static void Totals(StringBuilder html, AnalyticsTable totals)
    {
        html.Append("<h2>总量 Totals</h2>");
        var row = First(totals);
        html.Append("<table><tr>");
        foreach (var m in new[] { "cases", "assessments", "booked", "started", "completed", "terminated" })
        {
            html.Append("<th>").Append(E(ReportLabels.Of(m))).Append("</th>");
        }

        html.Append("</tr><tr>");
        foreach (var m in new[] { "cases", "assessments", "booked", "started", "completed", "terminated" })
        {
            html.Append("<td data-figure=\"totals.").Append(m).Append("\">").Append(N(row?[m])).Append("</td>");
        }

        html.Append("</tr></table>");
    }

    private static void MonthlyChart(StringBuilder html, AnalyticsTable byMonth)
    {
        html.Append("<h2>每月评估量与分流 Assessments by month and disposition</h2>");
        var rows = byMonth.Rows;
        if (rows.Count == 0)
        {
            html.Append("<p>无数据 No data</p>");
            return;
        }

        const int width = 760, height = 260, left = 50, bottom = 40;
        var max = rows.Max(r => r["cases"] ?? 0);
        var slot = (width - left) / rows.Count;
        html.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"volumes by month\" width=\"{width}\" height=\"{height + bottom}\" viewBox=\"0 0 {width} {height + bottom}\">");
        html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{height}\" x2=\"{width}\" y2=\"{height}\" stroke=\"#999\"/><text x=\"0\" y=\"12\">{N(max)}</text>");
        for (var i = 0; i < rows.Count; i++)
        {
            var y = (double)height;
            for (var d = 0; d < Dispositions.Length; d++)
            {
                var h = (rows[i][Dispositions[d]] ?? 0) / max * (height - 20);
                y -= h;
                html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left + (i * slot) + 4}\" y=\"{y:F1}\" width=\"{slot - 8}\" height=\"{h:F1}\" fill=\"{Colours[d]}\"><title>{E(rows[i].Keys["month"])} {E(ReportLabels.Of(Dispositions[d]))}: {N(rows[i][Dispositions[d]])}</title></rect>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + (i * slot) + 4}\" y=\"{height + 15}\">{E(rows[i].Keys["month"])}</text>");
        }

        for (var d = 0; d < Dispositions.Length; d++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left + (d * 140)}\" y=\"{height + 25}\" width=\"10\" height=\"10\" fill=\"{Colours[d]}\"/><text x=\"{left + (d * 140) + 14}\" y=\"{height + 34}\">{E(ReportLabels.Of(Dispositions[d]))}</text>");
        }

        html.Append("</svg>");
        Table(html, null, byMonth, "by_month");
    }

    private static void Dispositions_(StringBuilder html, AnalyticsTable totals)
    {
        html.Append("<h2>分流结果 Dispositions</h2>");
        var row = First(totals);
        var all = row?["cases"] ?? 0;
        html.Append("<svg role=\"img\" aria-label=\"dispositions\" width=\"760\" height=\"").Append(Dispositions.Length * 26).Append("\">");
        for (var d = 0; d < Dispositions.Length; d++)
        {
            var n = row?[Dispositions[d]] ?? 0;
            var w = all > 0 ? n / all * 500 : 0;
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{(d * 26) + 16}\">{E(ReportLabels.Of(Dispositions[d]))}</text><rect x=\"170\" y=\"{d * 26 + 4}\" width=\"{w:F1}\" height=\"18\" fill=\"{Colours[d]}\"/>");
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{175 + w:F1}\" y=\"{(d * 26) + 17}\" data-figure=\"dispositions.{Dispositions[d]}\">{N(n)} ({(all > 0 ? n / all : 0):P1})</text>");
        }

        html.Append("</svg>");
    }

    private static void Funnel(StringBuilder html, AnalyticsTable funnel)
    {
        html.Append("<h2>就诊漏斗与时间 The funnel and its times</h2>");
        var row = First(funnel);
        var steps = new[] { "cases", "booked", "started", "completed" };
        var top = row?["cases"] ?? 0;
        html.Append("<svg role=\"img\" aria-label=\"funnel\" width=\"760\" height=\"110\">");
        for (var s = 0; s < steps.Length; s++)
        {
            var n = row?[steps[s]] ?? 0;
            var w = top > 0 ? n / top * 500 : 0;
            var label = s == 0 ? "判为线上 decided online" : ReportLabels.Of(steps[s]);
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{(s * 26) + 16}\">{E(label)}</text><rect x=\"170\" y=\"{(s * 26) + 4}\" width=\"{w:F1}\" height=\"18\" fill=\"#1565c0\"/>");
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{175 + w:F1}\" y=\"{(s * 26) + 17}\" data-figure=\"funnel.{steps[s]}\">{N(n)}</text>");
        }

        html.Append("</svg><table><tr><th class=\"k\">步骤 Step</th><th>中位数 median (min)</th><th>P90 (min)</th></tr>");
        foreach (var (step, zh) in new[] { ("to_booking", "评估→预约 assessment → booking"), ("to_start", "预约→开始 booking → start"), ("to_completion", "开始→完成 start → completion"), ("assessment_to_completion", "评估→完成 assessment → completion") })
        {
            html.Append("<tr><td class=\"k\">").Append(E(zh)).Append("</td><td data-figure=\"funnel.").Append(step).Append("_minutes_median\">").Append(N(row?[step + "_minutes_median"]))
                .Append("</td><td data-figure=\"funnel.").Append(step).Append("_minutes_p90\">").Append(N(row?[step + "_minutes_p90"])).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static void Matrix(StringBuilder html, AnalyticsTable cells)
    {
        html.Append("<h3>混淆矩阵 Confusion matrices (行：服务 rows: service · 列：医生 columns: physician)</h3>");
        foreach (var group in cells.Rows.GroupBy(r => (Model: r.Keys["model_version"], Axis: r.Keys["axis"])).OrderBy(g => g.Key.Axis, StringComparer.Ordinal).ThenBy(g => g.Key.Model, StringComparer.Ordinal))
        {
            var services = group.Select(r => r.Keys["service"]).Distinct().Order(StringComparer.Ordinal).ToList();
            var physicians = group.Select(r => r.Keys["physician"]).Distinct().Order(StringComparer.Ordinal).ToList();
            var max = group.Max(r => r["cases"] ?? 0);
            html.Append("<p>").Append(E(ReportLabels.Of(group.Key.Axis))).Append(" · ").Append(E(group.Key.Model)).Append("</p><table><tr><th></th>");
            foreach (var p in physicians)
            {
                html.Append("<th>").Append(E(ReportLabels.Of(p))).Append("</th>");
            }

            html.Append("</tr>");
            foreach (var s in services)
            {
                html.Append("<tr><th class=\"k\">").Append(E(ReportLabels.Of(s))).Append("</th>");
                foreach (var p in physicians)
                {
                    var n = group.FirstOrDefault(r => r.Keys["service"] == s && r.Keys["physician"] == p)?["cases"];
                    var shade = n is { } v && max > 0 ? 255 - (int)(v / max * 120) : 255;
                    html.Append(CultureInfo.InvariantCulture, $"<td style=\"background:rgb({shade},{shade},255)\">{(n is null ? "–" : N(n))}</td>");
                }

                html.Append("</tr>");
            }

            html.Append("</table>");
        }
    }

    private static void Compliance(StringBuilder html, AnalyticsTable compliance)
    {
        html.Append("<h2>合规（应为零） Compliance (each must be zero)</h2><table><tr><th class=\"k\">项目 Item</th><th>数量 Count</th></tr>");
        var row = First(compliance);
        foreach (var m in new[] { "not_whitelisted_at_start", "without_guardian", "unsigned_prescriptions", "prescriptions_after_unacknowledged_alert" })
        {
            var n = row?[m] ?? 0;
            html.Append("<tr class=\"").Append(n == 0 ? "ok" : "bad").Append("\"><td class=\"k\">").Append(E(ReportLabels.Of(m))).Append("</td><td data-figure=\"compliance.")
                .Append(m).Append("\">").Append(N(n)).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static void Table(StringBuilder html, string? heading, AnalyticsTable table, string section)
    {
        if (heading is not null)
        {
            html.Append("<h2>").Append(E(heading)).Append("</h2>");
        }

        if (table.Rows.Count == 0)
        {
            html.Append("<p>无可显示的分组 No group large enough to show</p>");
            return;
        }

        html.Append("<table><tr>");
        foreach (var k in table.Keys)
        {
            html.Append("<th class=\"k\">").Append(E(ReportLabels.Of(k))).Append("</th>");
        }

        foreach (var m in table.Measures)
        {
            html.Append("<th>").Append(E(ReportLabels.Of(m))).Append("</th>");
        }

        html.Append("</tr>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var k in table.Keys)
            {
                html.Append("<td class=\"k\">").Append(E(ReportLabels.Of(row.Keys[k]))).Append("</td>");
            }

            var id = string.Join('.', table.Keys.Select(k => row.Keys[k]));
            foreach (var m in table.Measures)
            {
                html.Append("<td data-figure=\"").Append(E(section)).Append('.').Append(E(id.Length > 0 ? id + "." : string.Empty)).Append(m).Append("\">").Append(N(row[m])).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
    }

    private static AnalyticsRow? First(AnalyticsTable table) => table.Rows.Count > 0 ? table.Rows[0] : null;

    private static string N(double? value) => value switch
    {
        null => "–",
        { } v when v == Math.Floor(v) && Math.Abs(v) < 1e15 => v.ToString("0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.###", CultureInfo.InvariantCulture),
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
