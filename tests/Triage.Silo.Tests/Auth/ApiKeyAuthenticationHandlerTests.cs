extern alias silo;

using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using silo::Triage.Silo.Auth;

namespace Triage.Silo.Tests.Auth;

/// <summary>Callers are known by the hash of their key: the configuration never holds a usable key.</summary>
public class ApiKeyAuthenticationHandlerTests
{
    private const string Key = "key-of-app-a";

    private static async Task<AuthenticateResult> AuthenticateAsync(params string[] headerValues)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions();
        services.AddSingleton(System.Text.Encodings.Web.UrlEncoder.Default);
        services.Configure<ApiKeyOptions>(o => o.ApiKeys.Add(new ApiKeyEntry
        {
            AppId = "app-a",
            KeySha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key))),
            Roles = [TriageRoles.BookingApp],
        }));
        services.AddTransient<ApiKeyAuthenticationHandler>();
        using var provider = services.BuildServiceProvider();
        var handler = provider.GetRequiredService<ApiKeyAuthenticationHandler>();
        var context = new DefaultHttpContext { RequestServices = provider };
        if (headerValues.Length > 0)
        {
            context.Request.Headers[ApiKeyAuthenticationHandler.HeaderName] = headerValues;
        }

        await handler.InitializeAsync(new AuthenticationScheme(ApiKeyAuthenticationHandler.SchemeName, null, typeof(ApiKeyAuthenticationHandler)), context);
        return await handler.AuthenticateAsync();
    }

    [Fact]
    public async Task Authenticate_KnownKey_IdentifiesTheAppWithItsRole()
    {
        var result = await AuthenticateAsync(Key);

        Assert.True(result.Succeeded);
        Assert.Equal("app-a", result.Principal!.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.True(result.Principal.IsInRole(TriageRoles.BookingApp));
        Assert.False(result.Principal.IsInRole(TriageRoles.Admin));
    }

    [Fact]
    public async Task Authenticate_UnknownKey_Fails()
    {
        var result = await AuthenticateAsync("key-of-nobody");

        Assert.False(result.Succeeded);
        Assert.NotNull(result.Failure);
    }

    [Fact]
    public async Task Authenticate_NoKeyOrTwoKeys_IsNoResult()
    {
        Assert.True((await AuthenticateAsync()).None);
        Assert.True((await AuthenticateAsync(Key, Key)).None);
    }
}
