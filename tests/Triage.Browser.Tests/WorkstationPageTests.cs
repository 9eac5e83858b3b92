using System.Globalization;
using Microsoft.Playwright;
using Triage.Api.V1;
using Triage.EndToEnd.Tests;
using static Microsoft.Playwright.Assertions;

namespace Triage.Browser.Tests;

/// <summary>The physician's workstation in headless Chromium against the real service on loopback.</summary>
public class WorkstationPageTests(ServiceFixture service, BrowserFixture browser) : IClassFixture<ServiceFixture>, IClassFixture<BrowserFixture>
{
    private TriageServiceHost Host => service.Host;

    private async Task<IPage> SignedInAsync(string key)
    {
        var (page, _) = await browser.NewPageAsync(Host.Http.BaseAddress!);
        await page.GotoAsync(new Uri(Host.Http.BaseAddress!, "/physician/").ToString());
        await page.Locator("#key").FillAsync(key);
        await page.Locator("#signin-form button").ClickAsync();
        // The live stream is open before anything is sent to the case: "ready" came through.
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "live");
        return page;
    }

    [Fact]
    public async Task Workstation_TakeBriefThenAParentsRedFlag_ShowsTheAlertWithoutAReload_AndTerminates()
    {
        await VisitSteps.RegisterDoctorsAsync(Host);
        var caseId = await VisitSteps.BookedCaseAsync(Host);
        var (page, foreign) = await browser.NewPageAsync(Host.Http.BaseAddress!);
        await page.GotoAsync(new Uri(Host.Http.BaseAddress!, "/physician/").ToString());
        await Expect(page.Locator("h1")).ToHaveTextAsync("互联网首诊 医生工作台");
        await page.Locator("#key").FillAsync(TriageServiceHost.KeyDoctor1);
        await page.Locator("#signin-form button").ClickAsync();
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "live");

        // Take from the dermatology queue until our case comes out (older cases of this service are ended through the API).
        for (var i = 0; i < 50; i++)
        {
            await page.Locator("#queues tr[data-specialty=dermatology] button").ClickAsync();
            await Expect(page.Locator("#stage")).ToHaveAttributeAsync("data-stage", "assigned");
            var shown = await page.Locator("#case-id").TextContentAsync();
            if (shown == caseId)
            {
                break;
            }

            await Host.Physician().TerminateVisitAsync(new TerminateVisitRequest { CaseId = shown, Reason = "unsuitable_online" });
        }

        await Expect(page.Locator("#case-id")).ToHaveTextAsync(caseId);
        // The brief: the decision, its reasons, the red flag the parent denied with their words.
        await Expect(page.Locator("#decision [data-disposition]")).ToHaveAttributeAsync("data-disposition", "online");
        await Expect(page.Locator("#decision [data-specialty]")).ToHaveAttributeAsync("data-specialty", "dermatology");
        var apiCase = await Host.Physician().GetVisitCaseAsync(new GetVisitCaseRequest { CaseId = caseId });
        await Expect(page.Locator("#reasons li")).ToHaveCountAsync(apiCase.Decision.Reasons.Count);
        await Expect(page.Locator("#denied")).ToContainTextAsync("发烧");
        await Expect(page.Locator("#facts [data-fact=age_months]")).ToHaveTextAsync("8");
        await BrowserFixture.ScreenshotAsync(page, "workstation-brief");

        // The real-name check and the start, through the page.
        await page.Locator("#rn-reference").FillAsync("tx-browser-1");
        await page.Locator("#rn-at").FillAsync(Host.Clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        await page.Locator("#start-form button").ClickAsync();
        await Expect(page.Locator("#stage")).ToHaveAttributeAsync("data-stage", "in_consultation");
        await Expect(page.Locator("#alert")).ToBeHiddenAsync();

        // The parent writes through the booking app; the page, never reloaded, shows the message and the alert.
        await Host.Grpc().SendParentMessageAsync(new ParentMessageRequest { CaseId = caseId, Text = "医生，孩子刚才突然抽搐了，叫不醒" });
        await Expect(page.Locator("#alert")).ToBeVisibleAsync();
        await Expect(page.Locator("#alert-text")).ToContainTextAsync("抽搐");
        await Expect(page.Locator("#alert")).ToHaveAttributeAsync("data-suggested", "emergency");
        await Expect(page.Locator("#messages li.parent")).ToContainTextAsync("突然抽搐了");
        // The brief follows the alert: the flag raised, with the parent's words.
        await Expect(page.Locator("#flags [data-flag=seizure]")).ToContainTextAsync("抽搐");
        await BrowserFixture.ScreenshotAsync(page, "workstation-alert");

        // Nothing else may be recorded while the alert awaits a decision: the page shows the service's refusal.
        await page.Locator("#dx").FillAsync("婴儿湿疹");
        await page.Locator("#complete-form button").ClickAsync();
        await Expect(page.Locator("#action-error")).ToContainTextAsync("alert awaits");

        await page.Locator("#alert-terminate").ClickAsync();
        await Expect(page.Locator("#stage")).ToHaveAttributeAsync("data-stage", "terminated");
        await Expect(page.Locator("#alert")).ToBeHiddenAsync();
        var ended = await Host.Grpc().GetCaseAsync(new GetCaseRequest { CaseId = caseId });
        Assert.Equal(VisitStage.Terminated, ended.Visit.Stage);
        Assert.Equal("emergency", ended.Visit.TerminationReason);
        await BrowserFixture.ScreenshotAsync(page, "workstation-terminated");

        // The English switch.
        await page.Locator("#lang").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Internet first visits · Physician workstation");
        await Expect(page.Locator("#stage")).ToHaveTextAsync("terminated, sent in person");
        Assert.Empty(foreign);
    }

    [Fact]
    public async Task Workstation_ContinueWithAReason_ThenPrescribeSignedInTheBrowser_ThenComplete()
    {
        await VisitSteps.RegisterDoctorsAsync(Host);
        var caseId = await VisitSteps.BookedCaseAsync(Host);
        await VisitSteps.TakeAsync(Host, caseId);
        await Host.Physician().StartConsultationAsync(new StartConsultationRequest { CaseId = caseId, RealNameCheck = RealNameChecks.For("doc-1", Host.Clock.GetUtcNow()) });

        var page = await SignedInAsync(TriageServiceHost.KeyDoctor1);
        await page.Locator($"#visits a[data-case='{caseId}']").ClickAsync();
        await Expect(page.Locator("#stage")).ToHaveAttributeAsync("data-stage", "in_consultation");
        await Host.Grpc().SendParentMessageAsync(new ParentMessageRequest { CaseId = caseId, Text = "昨天孩子哭得厉害，嘴唇有点发紫" });
        await Expect(page.Locator("#alert")).ToBeVisibleAsync();

        // The physician judges it safe to go on, in writing; the alert is decided and the acts open again.
        await page.Locator("#continue-reason").FillAsync("已视频确认：哭闹时口周短暂发青，现呼吸平稳、唇色正常");
        await page.Locator("#continue-form button").ClickAsync();
        await Expect(page.Locator("#alert")).ToBeHiddenAsync();

        // The prescription is signed in the page with the physician's key (WebCrypto); the service verifies it.
        await page.Locator("#rx-drug").FillAsync("丁酸氢化可的松乳膏");
        await page.Locator("#rx-dosage").FillAsync("外用 每日1次");
        await page.Locator("#rx-guardian").CheckAsync();
        await page.Locator("#rx-physician").CheckAsync();
        await page.Locator("#prescribe-form button").ClickAsync();
        await Expect(page.Locator("#action-error")).ToBeEmptyAsync();
        await Expect(page.Locator("#prescriptions [data-drug]")).ToHaveTextAsync("丁酸氢化可的松乳膏 · 外用 每日1次 · 普通");
        await page.Locator("#dx").FillAsync("婴儿湿疹");
        await page.Locator("#dx-disposition").SelectOptionAsync("online");
        await page.Locator("#dx-specialty").SelectOptionAsync("dermatology");
        await page.Locator("#complete-form button").ClickAsync();
        await Expect(page.Locator("#stage")).ToHaveAttributeAsync("data-stage", "completed");

        var done = await Host.Physician().GetVisitCaseAsync(new GetVisitCaseRequest { CaseId = caseId });
        var rx = Assert.Single(done.Visit.Prescriptions);
        Assert.Equal("丁酸氢化可的松乳膏", rx.Items[0].Drug);
        Assert.Equal(1, done.Visit.AlertsAcknowledged);
        Assert.Contains(done.Events, e => e.Type == "alert_acknowledged");
        await BrowserFixture.ScreenshotAsync(page, "workstation-completed");
    }

    [Fact]
    public async Task Workstation_GrowthCase_DrawsTheServicesZScoresOnTheWhoCurves()
    {
        await VisitSteps.RegisterDoctorsAsync(Host);
        var caseId = await VisitSteps.BookedCaseAsync(Host, "女儿5岁，身高105厘米，体重17公斤，比同班同学矮，想咨询怎么长高", new Patient { AgeMonths = 60, Sex = Sex.Female });
        await VisitSteps.TakeAsync(Host, caseId, Specialty.Growth, TriageServiceHost.KeyDoctor2);
        var brief = await Host.Physician(TriageServiceHost.KeyDoctor2).GetBriefAsync(new GetBriefRequest { CaseId = caseId });

        var page = await SignedInAsync(TriageServiceHost.KeyDoctor2);
        await page.Locator($"#visits a[data-case='{caseId}']").ClickAsync();
        await Expect(page.Locator("#case-id")).ToHaveTextAsync(caseId);
        foreach (var score in brief.GrowthScores)
        {
            var figure = page.Locator($"figure[data-indicator={score.Indicator}]");
            await Expect(figure.Locator("[data-z]")).ToHaveTextAsync(score.Z.ToString(CultureInfo.InvariantCulture));
            // Five reference lines and the child's point, drawn from the numbers the service sent.
            await Expect(figure.Locator("polyline")).ToHaveCountAsync(5);
            await Expect(figure.Locator("circle[data-child]")).ToHaveCountAsync(1);
        }

        await BrowserFixture.ScreenshotAsync(page, "workstation-growth");
        await Host.Physician(TriageServiceHost.KeyDoctor2).TerminateVisitAsync(new TerminateVisitRequest { CaseId = caseId, Reason = "unsuitable_online" });
    }
}
