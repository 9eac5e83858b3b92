using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Triage.Analytics.Projection;
using Triage.Analytics.Queries;
using Triage.Grains.Storage;

namespace Triage.Analytics.Hosting;

/// <summary>Registers the analytics projection, its catch-up and the evaluation's queries.</summary>
public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>Adds the projection of the embedded journal database and the queries over it.</summary>
    public static IServiceCollection AddTriageAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnalyticsOptions>().Bind(configuration.GetSection(AnalyticsOptions.Section));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AnalyticsOptions>>().Value;
            var path = options.Path.Length > 0 ? options.Path : AnalyticsStore.PathBeside(sp.GetRequiredService<IOptions<StorageOptions>>().Value.SqlitePath);
            return new AnalyticsStore(path, options.Threads, openNow: false);
        });
        services.AddSingleton<AnalyticsProjector>();
        services.AddSingleton<EvaluationQueries>();
        services.AddHostedService<AnalyticsCatchUp>();
        return services;
    }
}
