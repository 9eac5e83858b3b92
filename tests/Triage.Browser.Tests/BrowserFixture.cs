using Microsoft.Playwright;

namespace Triage.Browser.Tests;

/// <summary>
/// One headless Chromium for a test class: Debian's <c>/usr/bin/chromium</c> (installed by
/// <c>.ci/run</c>), or the one named by <c>TRIAGE_CHROMIUM</c>, driven by Playwright.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots of the pages are kept as test output.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("TRIAGE_CHROMIUM") is { Length: > 0 } named ? named : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium not found at {executable}: install Debian's chromium (apt-get install chromium), as .ci/run does, or set TRIAGE_CHROMIUM");
        }

        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A fresh page with its own storage, recording every request it makes to another origin.</summary>
    public async Task<(IPage Page, IReadOnlyList<string> Foreign)> NewPageAsync(Uri origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var foreign = new List<string>();
        var own = origin.GetLeftPart(UriPartial.Authority);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(own, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                lock (foreign)
                {
                    foreign.Add(request.Url);
                }
            }
        };
        return (page, foreign);
    }

    /// <summary>Keeps a full-page screenshot as test output.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
}
