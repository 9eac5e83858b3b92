using Microsoft.AspNetCore.Rewrite;
using Microsoft.Extensions.FileProviders;

namespace Triage.Silo.Pages;

/// <summary>
/// The pages the silo serves: the physician's workstation (<c>/physician/</c>) and the evaluation
/// dashboard (<c>/evaluation/</c>). Static files only: each page signs in with the caller's own key
/// and reads everything through the JSON API, so a page can show nothing its caller could not
/// read with curl. Nothing is loaded from another origin.
/// </summary>
public static class PageEndpoints
{
    // The pages' own scripts and styles, the API on the same origin; nothing else, and never framed.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Serves the pages from the <c>wwwroot</c> beside the service (copied there at build).</summary>
    public static WebApplication UseTriagePages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!Directory.Exists(root))
        {
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseRewriter(new RewriteOptions()
            .AddRedirect("^physician$", "physician/")
            .AddRedirect("^evaluation$", "evaluation/"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.CacheControl = "no-cache";
            },
        });
        return app;
    }
}
