using System.Xml.XPath;
using Grpc.AspNetCore.Server;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Triage.Silo.Hosting;

/// <summary>
/// Gives each operation its rpc's proto comment. Grpc.Swagger reads the comment of the service's
/// own method, and ours say only <c>inheritdoc</c>: the comment the proto wrote is on the generated
/// base class's method, which this reads.
/// </summary>
internal sealed class RpcCommentsOperationFilter(XPathDocument comments) : IOperationFilter
{
    private readonly Dictionary<string, string> _summaries = Summaries(comments);

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!string.IsNullOrWhiteSpace(operation.Summary))
        {
            return;
        }

        var rpc = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<GrpcMethodMetadata>().FirstOrDefault();
        var declared = rpc?.ServiceType.GetMethod(rpc.Method.Name)?.GetBaseDefinition();
        if (declared?.DeclaringType?.FullName is { } type && _summaries.TryGetValue($"M:{type.Replace('+', '.')}.{declared.Name}", out var summary))
        {
            operation.Summary = summary;
        }
    }

    // Member name without its parameter list -> the summary's text on one line.
    private static Dictionary<string, string> Summaries(XPathDocument comments)
    {
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        var members = comments.CreateNavigator().Select("/doc/members/member[starts-with(@name, 'M:')]");
        while (members.MoveNext())
        {
            var name = members.Current!.GetAttribute("name", string.Empty);
            var paren = name.IndexOf('(', StringComparison.Ordinal);
            var summary = members.Current.SelectSingleNode("summary")?.Value;
            if (summary is not null)
            {
                summaries[paren < 0 ? name : name[..paren]] = string.Join(' ', summary.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return summaries;
    }
}
