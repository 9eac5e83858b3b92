using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Triage.Analytics.Queries;
using Triage.Api.V1;
using Triage.Silo.Auth;
using QueryTable = Triage.Analytics.Queries.AnalyticsTable;
using WireRow = Triage.Api.V1.AnalyticsRow;
using WireTable = Triage.Api.V1.AnalyticsTable;

namespace Triage.Silo.Api;

/// <summary>The evaluation's de-identified figures: maps the request to a filter, runs the query, maps the table back.</summary>
[Authorize(Policy = TriageRoles.Analytics)]
public sealed class AnalyticsApiService(EvaluationQueries queries) : AnalyticsService.AnalyticsServiceBase
{
    /// <inheritdoc />
    public override Task<WireTable> GetVolumes(AnalyticsRequest request, ServerCallContext context) => RunAsync("volumes", request, context);

    /// <inheritdoc />
    public override Task<WireTable> GetRedirections(AnalyticsRequest request, ServerCallContext context) => RunAsync("redirections", request, context);

    /// <inheritdoc />
    public override Task<WireTable> GetRedFlags(AnalyticsRequest request, ServerCallContext context) => RunAsync("red_flags", request, context);

    /// <inheritdoc />
    public override Task<WireTable> GetFunnel(AnalyticsRequest request, ServerCallContext context) => RunAsync("funnel", request, context);

    /// <inheritdoc />
    public override Task<WireTable> GetVisits(AnalyticsRequest request, ServerCallContext context) => RunAsync("visits", request, context);

    /// <inheritdoc />
    public override Task<WireTable> GetAgreement(AnalyticsRequest request, ServerCallContext context) => RunAsync("agreement", request, context);

    /// <inheritdoc />
    public override Task<WireTable> GetAgreementMatrix(AnalyticsRequest request, ServerCallContext context) => RunAsync("agreement_matrix", request, context);

    /// <inheritdoc />
    public override Task<WireTable> GetCompliance(AnalyticsRequest request, ServerCallContext context) => RunAsync("compliance", request, context);

    /// <inheritdoc />
    public override Task<WireTable> GetWorkload(AnalyticsRequest request, ServerCallContext context) => RunAsync("workload", request, context);

    private async Task<WireTable> RunAsync(string query, AnalyticsRequest request, ServerCallContext context)
    {
        var filter = FilterOf(request);
        if (filter.Problem() is { } problem)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, problem));
        }

        return ToMessage(await queries.RunAsync(query, filter, context.CancellationToken));
    }

    /// <summary>The filter a request asks for; dates and dimensions are checked, values are never echoed.</summary>
    internal static AnalyticsFilter FilterOf(AnalyticsRequest request)
    {
        var where = new Dictionary<string, string>(StringComparer.Ordinal);
        void Keep(string dimension, string value)
        {
            if (value.Length > 0)
            {
                where[dimension] = value;
            }
        }

        Keep(AnalyticsDimension.Hospital, request.Hospital.ToUpperInvariant() is var h && h == "UNSPECIFIED" ? "unspecified" : h);
        Keep(AnalyticsDimension.Specialty, request.Specialty);
        Keep(AnalyticsDimension.Month, request.Month);
        Keep(AnalyticsDimension.Province, request.Province);
        Keep(AnalyticsDimension.AgeBand, request.AgeBand);
        Keep(AnalyticsDimension.Disposition, request.Disposition);
        Keep(AnalyticsDimension.ModelVersion, request.ModelVersion);
        return new AnalyticsFilter
        {
            From = DateOf(request.From, "from"),
            To = DateOf(request.To, "to"),
            Where = where,
            GroupBy = [.. request.GroupBy],
        };
    }

    /// <summary>The wire form of a table.</summary>
    internal static WireTable ToMessage(QueryTable table)
    {
        var message = new WireTable
        {
            Query = table.Query,
            SuppressedGroups = table.SuppressedGroups,
            MinimumGroupSize = EvaluationQueries.MinimumGroupSize,
        };
        message.Keys.AddRange(table.Keys);
        message.Measures.AddRange(table.Measures);
        foreach (var row in table.Rows)
        {
            var wire = new WireRow();
            foreach (var (name, value) in row.Keys)
            {
                wire.Keys[name] = value;
            }

            foreach (var (name, value) in row.Values)
            {
                if (value is { } v)
                {
                    wire.Values[name] = v;
                }
            }

            message.Rows.Add(wire);
        }

        return message;
    }

    private static DateOnly DateOf(string text, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field}: must be a date, YYYY-MM-DD"));
}
