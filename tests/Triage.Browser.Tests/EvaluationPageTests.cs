using System.Globalization;
using Microsoft.Playwright;
using Triage.Api.V1;
using Triage.EndToEnd.Tests;
using static Microsoft.Playwright.Assertions;

namespace Triage.Browser.Tests;

/// <summary>The evaluation dashboard in headless Chromium: its figures are the analytics API's, for the evaluator and the regulator.</summary>
public class EvaluationPageTests(EvaluationApiTests.Cases cases, BrowserFixture browser) : IClassFixture<EvaluationApiTests.Cases>, IClassFixture<BrowserFixture>
{
    private TriageServiceHost Host => cases.Host;

    private static string N(double value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<(IPage Page, IReadOnlyList<string> Foreign)> SignedInAsync(string key)
    {
        var (page, foreign) = await browser.NewPageAsync(Host.Http.BaseAddress!);
        await page.GotoAsync(new Uri(Host.Http.BaseAddress!, "/evaluation/").ToString());
        await page.Locator("#key").FillAsync(key);
        await page.Locator("#signin-form button").ClickAsync();
        await Expect(page.Locator("#dashboard")).ToBeVisibleAsync();
        return (page, foreign);
    }

    private static ILocator Figure(IPage page, string name) => page.Locator($"[data-figure='{name}']");

    [Fact]
    public async Task Dashboard_ForTheEvaluator_ShowsTheApisFigures_AndFiltersByDisposition()
    {
        var year = new AnalyticsRequest { From = "2026-01-01", To = "2026-12-31" };
        var volumes = (await Host.Analytics().GetVolumesAsync(year)).Rows[0].Values;
        var funnel = (await Host.Analytics().GetFunnelAsync(year)).Rows[0].Values;
        var compliance = (await Host.Analytics().GetComplianceAsync(year)).Rows[0].Values;
        var visits = (await Host.Analytics().GetVisitsAsync(year)).Rows[0].Values;

        var (page, foreign) = await SignedInAsync(TriageServiceHost.KeyEvaluator);
        foreach (var m in new[] { "cases", "assessments", "booked", "started", "completed", "terminated" })
        {
            await Expect(Figure(page, "totals." + m)).ToHaveTextAsync(N(volumes[m]));
        }

        await Expect(Figure(page, "dispositions.online")).ToHaveTextAsync(N(volumes["online"]));
        await Expect(Figure(page, "dispositions.emergency")).ToHaveTextAsync(N(volumes["emergency"]));
        await Expect(Figure(page, "funnel.cases")).ToHaveTextAsync(N(funnel["cases"]));
        await Expect(Figure(page, "funnel.completed")).ToHaveTextAsync(N(funnel["completed"]));
        await Expect(Figure(page, "funnel.to_start_minutes_median")).ToHaveTextAsync(N(funnel["to_start_minutes_median"]));
        foreach (var m in new[] { "not_whitelisted_at_start", "without_guardian", "unsigned_prescriptions", "prescriptions_after_unacknowledged_alert" })
        {
            await Expect(Figure(page, "compliance." + m)).ToHaveTextAsync(N(compliance[m]));
        }

        await Expect(Figure(page, "visits.hazardous_misses")).ToHaveTextAsync(N(visits["hazardous_misses"]));
        // The audit is the regulator's: the evaluator sees why it is not shown, in the service's words.
        await Expect(Figure(page, "audit.unavailable")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "evaluation-evaluator");

        await page.Locator("#f-disposition").SelectOptionAsync("emergency");
        await page.Locator("#filters button[type=submit]").ClickAsync();
        var emergencies = (await Host.Analytics().GetVolumesAsync(new AnalyticsRequest { From = "2026-01-01", To = "2026-12-31", Disposition = "emergency" })).Rows[0].Values;
        await Expect(Figure(page, "totals.cases")).ToHaveTextAsync(N(emergencies["cases"]));
        Assert.Equal(EvaluationApiTests.Cases.Emergencies, emergencies["cases"]);
        Assert.Empty(foreign);
    }

    [Fact]
    public async Task Dashboard_ForTheRegulator_ShowsTheAuditVerification()
    {
        var report = await Host.Audit().VerifyAuditAsync(new VerifyAuditRequest());

        var (page, _) = await SignedInAsync(TriageServiceHost.KeyRegulator);

        await Expect(Figure(page, "audit.intact")).ToHaveAttributeAsync("data-intact", "true");
        await Expect(Figure(page, "audit.ledgerEntries")).ToHaveTextAsync(N(report.LedgerEntries));
        await Expect(Figure(page, "audit.journals")).ToHaveTextAsync(N(report.Journals));
        await page.Locator("#lang").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Beijing internet first-visit pilot (children) · Evaluation");
        await BrowserFixture.ScreenshotAsync(page, "evaluation-regulator");
    }

    [Fact]
    public async Task Dashboard_WithAPhysiciansKey_IsRefusedInTheServicesWords()
    {
        var (page, _) = await browser.NewPageAsync(Host.Http.BaseAddress!);
        await page.GotoAsync(new Uri(Host.Http.BaseAddress!, "/evaluation/").ToString());
        await page.Locator("#key").FillAsync(TriageServiceHost.KeyDoctor1);
        await page.Locator("#signin-form button").ClickAsync();
        await Expect(page.Locator("#signin-error")).ToContainTextAsync("role");
        await Expect(page.Locator("#dashboard")).ToBeHiddenAsync();
    }
}
