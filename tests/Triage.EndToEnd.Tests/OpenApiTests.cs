using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Triage.EndToEnd.Tests;

/// <summary>The OpenAPI document of the JSON routes: every route of the proto, with the proto's comments.</summary>
public partial class OpenApiTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private TriageServiceHost Host => fixture.Host;

    [GeneratedRegex("""(get|post|put|patch|delete):\s*"([^"]+)"\s*""")]
    private static partial Regex HttpRule();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    private static string ProtoFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var protos = Path.Combine(dir.FullName, "src", "Silo", "Protos", "triage", "v1");
            if (Directory.Exists(protos))
            {
                return protos;
            }
        }

        throw new DirectoryNotFoundException("src/Silo/Protos above the test's folder");
    }

    private static string Normalised(string route) => RouteParameter().Replace(route, "{}");

    // Every string value of the document, unescaped.
    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.String => [element.GetString()!],
        _ => [],
    };

    private async Task<JsonDocument> DocumentAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        using var response = await Host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Document_WithoutAKey_HasEveryJsonRouteOfTheProto()
    {
        using var document = await DocumentAsync();
        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => (Method: m.Name.ToUpperInvariant(), Path: Normalised(p.Name))))
            .ToHashSet();
        var routes = Directory.GetFiles(ProtoFolder(), "*.proto")
            .SelectMany(f => HttpRule().Matches(File.ReadAllText(f)))
            .Select(m => (Method: m.Groups[1].Value.ToUpperInvariant(), Path: Normalised(m.Groups[2].Value)))
            .ToList();

        Assert.True(routes.Count >= 30, $"only {routes.Count} routes read from the proto");
        Assert.All(routes, r => Assert.Contains(r, documented));
    }

    [Fact]
    public async Task Document_CarriesTheProtosCommentsOnRpcsAndFields()
    {
        using var document = await DocumentAsync();
        var text = string.Join('\n', Strings(document.RootElement));

        // An rpc's comment and a field's comment, as written in triage.proto.
        Assert.Contains("Opens a case for a complaint and returns the decision", text, StringComparison.Ordinal);
        Assert.Contains("The parent's description, 1 to 4,000 characters. Required.", text, StringComparison.Ordinal);
        Assert.Equal("apiKey", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey").GetProperty("type").GetString());
    }
}
