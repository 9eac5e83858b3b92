using Microsoft.OpenApi.Models;

namespace Triage.Silo.Hosting;

/// <summary>
/// The OpenAPI document of the JSON routes at <c>/openapi/v1.json</c>, generated from the proto's
/// HTTP rules, with every rpc's and field's proto comment as its description: what a booking app's
/// developers generate a client from.
/// </summary>
public static class OpenApiExtensions
{
    /// <summary>The document's route.</summary>
    public const string DocumentRoute = "/openapi/v1.json";

    /// <summary>Registers the generator over the transcoded routes.</summary>
    public static IServiceCollection AddTriageOpenApi(this IServiceCollection services)
    {
        services.AddGrpcSwagger();
        services.AddSwaggerGen(c =>
        {
            c.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Triage API of the Beijing internet first-visit pilot (children)",
                Version = "v1",
                Description = "The JSON routes of the gRPC services (JSON transcoding). Authenticate with the header x-api-key: one key per booking app, physician, evaluator, regulator or administrator. Errors are RFC 7807 problems naming the field.",
            });
            var scheme = new OpenApiSecurityScheme { Name = "x-api-key", In = ParameterLocation.Header, Type = SecuritySchemeType.ApiKey, Description = "The caller's API key." };
            c.AddSecurityDefinition("apiKey", scheme);
            c.AddSecurityRequirement(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "apiKey" } }] = [],
            });
            // The proto's comments, compiled into the generated classes' XML documentation.
            var comments = Path.Combine(AppContext.BaseDirectory, "Triage.Silo.xml");
            if (File.Exists(comments))
            {
                c.IncludeXmlComments(comments);
                c.IncludeGrpcXmlComments(comments, includeControllerXmlComments: true);
                using var reader = System.Xml.XmlReader.Create(comments, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
                c.OperationFilter<RpcCommentsOperationFilter>(new System.Xml.XPath.XPathDocument(reader));
            }
        });
        return services;
    }

    /// <summary>Serves the document, to anyone: it describes the API, and holds no data.</summary>
    public static WebApplication MapTriageOpenApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSwagger(o => o.RouteTemplate = "openapi/{documentName}.json");
        return app;
    }
}
