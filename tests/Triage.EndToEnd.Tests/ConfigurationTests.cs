using Microsoft.Extensions.Options;

namespace Triage.EndToEnd.Tests;

public class ConfigurationTests
{
    [Fact]
    public async Task Start_WithAMalformedKeyHash_RefusesToStart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "triage-config-" + Guid.NewGuid().ToString("N"));
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => TriageServiceHost.StartAsync(folder, new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:0:KeySha256"] = "not-a-hash",
        }));
        Assert.Contains("KeySha256", e.Message, StringComparison.Ordinal);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
