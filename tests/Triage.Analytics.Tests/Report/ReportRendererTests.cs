using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Triage.Analytics.Report;

namespace Triage.Analytics.Tests.Report;

/// <summary>The report rendered from a seeded year shows the figures the seeding wrote, in one file that needs nothing else.</summary>
public sealed partial class ReportRendererTests : IDisposable
{
    private readonly SeededDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Render_SeededYear_ShowsTheWrittenFigures()
    {
        var tally = await _db.SeedAsync(5_000, seed: 11);

        var report = await EvaluationReport.BuildAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "seeded.db", new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero)), _db.Queries.RunAsync);
        var html = ReportRenderer.Render(report);
        var figures = Figures(html);

        Assert.Equal(tally.Cases, figures["totals.cases"]);
        Assert.Equal(tally.Booked, figures["totals.booked"]);
        Assert.Equal(tally.Started, figures["totals.started"]);
        Assert.Equal(tally.Completed, figures["totals.completed"]);
        Assert.Equal(tally.Terminated.Values.Sum(), figures["totals.terminated"]);
        foreach (var (month, cases) in tally.ByMonth)
        {
            Assert.Equal(cases, figures[$"by_month.{month}.cases"]);
        }

        Assert.Equal(tally.Dispositions["online"], figures["funnel.cases"]);
        Assert.Equal(tally.Booked, figures["funnel.booked"]);
        Assert.Equal(tally.WithoutGuardian, figures["compliance.without_guardian"]);
        Assert.Equal(tally.NotWhitelisted, figures["compliance.not_whitelisted_at_start"]);
        Assert.Equal(tally.UnsignedPrescriptions, figures["compliance.unsigned_prescriptions"]);
        Assert.Equal(tally.AfterUnacknowledgedAlert, figures["compliance.prescriptions_after_unacknowledged_alert"]);
        Assert.Equal(tally.Terminated.GetValueOrDefault("emergency"), figures["visits.hazardous_misses"]);
        Assert.InRange(figures["funnel.to_booking_minutes_median"], 1, 30);
    }

    [Fact]
    public async Task Render_IsOneSelfContainedFile_InChineseWithEnglishLabels()
    {
        await _db.SeedAsync(600, seed: 12);

        var report = await EvaluationReport.BuildAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "seeded.db", TimeProvider.System, _db.Queries.RunAsync);
        var html = ReportRenderer.Render(report);

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<svg", html);
        Assert.Contains("分流结果 Dispositions", html);
        Assert.Contains("合规（应为零） Compliance", html);
        // Nothing fetched: no script, stylesheet or image from anywhere.
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("合成", html); // the synthetic complaint text never reaches a report
    }

    private static Dictionary<string, double> Figures(string html) =>
        Figure().Matches(html).ToDictionary(m => m.Groups[1].Value, m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex("data-figure=\"([^\"]+)\">([0-9.]+)[ <]")]
    private static partial Regex Figure();

    [GeneratedRegex("(src|href)=\"(https?:)?//")]
    private static partial Regex ExternalReference();
}
