using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Triage.Domain.Classification;
using Triage.Domain.Decision;
using Triage.Domain.Growth;
using Triage.Domain.Physicians;
using Triage.Grains.Journal;
using Triage.Grains.Storage;
using Triage.Grains.Storage.Postgres;
using Triage.Models.Classification;

namespace Triage.Grains.Hosting;

/// <summary>Registers what the grains need: storage, the journal, the decision policy.</summary>
public static class TriageSiloBuilderExtensions
{
    /// <summary>
    /// Key of an optional <see cref="TimeProvider"/> for the triage policy alone: tests fake the
    /// pilot's calendar without slowing Orleans' own timers.
    /// </summary>
    public const string ClockKey = "triage-clock";

    /// <summary>Adds the triage grains' services to a silo.</summary>
    public static ISiloBuilder AddTriageGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddTriageGrainServices(configuration);
        return silo;
    }

    /// <summary>Adds the triage grains' services to a service collection (also used by test silos).</summary>
    public static IServiceCollection AddTriageGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.AddOptions<PilotOptions>()
            .Bind(configuration.GetSection(PilotOptions.Section))
            .PostConfigure(o => FillPilotDefaults(o));
        // Idle activations are looked for every 15 s, so that a case's one-minute age limit holds.
        services.Configure<Orleans.Configuration.GrainCollectionOptions>(o => o.CollectionQuantum = TimeSpan.FromSeconds(15));
        services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value.SqlitePath));
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.UsesPostgres)
        {
            ClusterKeys.Require(configuration);
            services.AddSingleton(_ => new PostgresDatabase(storage.Postgres.Length > 0 ? storage.Postgres : throw new InvalidOperationException("Storage:Postgres: the connection string is required in cluster mode")));
            services.AddSingleton<ILedgerDatabase>(sp => sp.GetRequiredService<PostgresDatabase>());
            services.AddSingleton<IJournal, PostgresJournal>();
            services.AddSingleton<Visits.IVisitQueueSource, PostgresVisitQueueSource>();
            services.AddSingleton(sp => new PostgresGrainStorage(sp.GetRequiredService<PostgresDatabase>(), TimeProvider.System));
            services.AddGrainStorage(StorageOptions.ProviderName, (sp, _) => sp.GetRequiredService<PostgresGrainStorage>());
        }
        else
        {
            services.AddSingleton<ILedgerDatabase>(sp => sp.GetRequiredService<SqliteDatabase>());
            services.AddSingleton<IJournal, SqliteJournal>();
            services.AddSingleton<Visits.IVisitQueueSource, SqliteVisitQueueSource>();
            services.AddSingleton(sp => new SqliteGrainStorage(sp.GetRequiredService<SqliteDatabase>(), TimeProvider.System));
            services.AddGrainStorage(StorageOptions.ProviderName, (sp, _) => sp.GetRequiredService<SqliteGrainStorage>());
        }

        services.AddOptions<ModelOptions>().Bind(configuration.GetSection(ModelOptions.Section));
        services.AddSingleton(sp => new ModelSource(
            sp.GetRequiredService<IOptions<ModelOptions>>().Value.ResolvedFolder is { } folder
                ? MissingModel.LoadOrMissing(folder)
                : new KeywordComplaintClassifier()));
        services.AddOptions<GrowthOptions>().Bind(configuration.GetSection(GrowthOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<GrowthOptions>>().Value.Load());
        services.AddSingleton(sp => new EligibilityPolicy(
            sp.GetRequiredService<ModelSource>(),
            sp.GetRequiredService<IOptions<PilotOptions>>().Value,
            sp.GetRequiredKeyedService<TimeProvider>(ClockKey),
            sp.GetRequiredService<GrowthReference>()));
        services.AddHostedService<ClinicalVocabularyCheck>();
        services.TryAddKeyedSingleton(ClockKey, TimeProvider.System);
        services.AddSingleton(sp => new PhysicianWhitelist(sp.GetRequiredService<IOptions<PilotOptions>>().Value));
        services.AddOptions<PatientOptions>().Bind(configuration.GetSection(PatientOptions.Section));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<PatientOptions>>().Value;
            var database = sp.GetRequiredService<IOptions<StorageOptions>>().Value.SqlitePath;
            return new Patients.PatientPseudonyms(SecretKey.Load(o.PseudonymKey, o.PseudonymKeyFile, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database))!, "pseudonym.key"), "Patients:PseudonymKey"));
        });
        services.AddOptions<JournalOptions>().Bind(configuration.GetSection(JournalOptions.Section));
        services.AddSingleton(sp => new SealedEventBodies(
            sp.GetRequiredService<IOptions<JournalOptions>>().Value.Ring(sp.GetRequiredService<IOptions<StorageOptions>>().Value.SqlitePath)));
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AuditOptions>>().Value.Signer(sp.GetRequiredService<IOptions<StorageOptions>>().Value.SqlitePath));
        services.AddSingleton(sp => new LedgerAudit(sp.GetRequiredService<ILedgerDatabase>(), sp.GetRequiredService<CheckpointSigner>()));
        // In cluster mode every silo signs the shared ledger's head with the shared key; a head is stored once.
        services.AddSingleton<LedgerCheckpointWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<LedgerCheckpointWriter>());

        return services;
    }

    // Lists bound from configuration append to defaults, so defaults are filled after binding, only where nothing was configured.
    private static void FillPilotDefaults(PilotOptions options)
    {
        var defaults = PilotOptions.Beijing2026();
        if (options.Hospitals.Count == 0)
        {
            options.Hospitals = defaults.Hospitals;
        }

        if (string.IsNullOrEmpty(options.PolicyVersion))
        {
            options.PolicyVersion = defaults.PolicyVersion;
        }

        if (options.Start == default)
        {
            options.Start = defaults.Start;
        }

        if (options.End == default)
        {
            options.End = defaults.End;
        }
    }
}
