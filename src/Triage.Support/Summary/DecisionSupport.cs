using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Triage.Domain.Decision;
using Triage.Grains.Cases;
using Triage.Support.Brief;
using Triage.Support.Filters;
using Triage.Support.Plugins;

namespace Triage.Support.Summary;

/// <summary>
/// The physician's decision support: the deterministic brief, and, when a chat endpoint is
/// configured, a written summary by a model that may call the plugins. Each request gets its own
/// kernel bound to the one case (its history plugin, its audit trail); the filters audit every
/// function call and refuse prescriptions. Without an endpoint the brief is complete as it is.
/// </summary>
public sealed class DecisionSupport(EligibilityPolicy policy, IOptions<SupportOptions> options, HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly CaseBriefBuilder _builder = new(policy.Growth);

    /// <summary>True when a summary will be attempted.</summary>
    public bool ChatConfigured => options.Value.ChatConfigured;

    /// <summary>A kernel for one case: the plugins, the audit and prescription filters, and the chat service when configured.</summary>
    public Kernel CreateKernel(CaseView view, ISupportAuditTrail trail)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(trail);
        var builder = Kernel.CreateBuilder();
        var o = options.Value;
        if (o.ChatConfigured)
        {
            builder.AddOpenAIChatCompletion(o.ChatModel, new Uri(o.ChatEndpoint), o.ChatApiKey.Length > 0 ? o.ChatApiKey : "none", httpClient: http);
        }

        builder.Plugins.AddFromObject(new TriagePlugin(policy), "triage");
        builder.Plugins.AddFromObject(new GrowthPlugin(policy.Growth), "growth");
        builder.Plugins.AddFromObject(new PolicyPlugin(policy), "policy");
        builder.Plugins.AddFromObject(new CaseHistoryPlugin(view), "case_history");
        var kernel = builder.Build();

        // The first filter added runs outermost: the audit sees the guard's refusals.
        kernel.FunctionInvocationFilters.Add(new AuditInvocationFilter(trail));
        kernel.FunctionInvocationFilters.Add(new PrescriptionGuardFilter());
        return kernel;
    }

    /// <summary>The brief of a case, with the written summary when a model is configured and answers in time.</summary>
    public async Task<CaseBrief> BriefAsync(CaseView view, ISupportAuditTrail trail, CancellationToken cancellationToken)
    {
        var brief = _builder.Build(view);
        if (!options.Value.ChatConfigured)
        {
            return brief with { SummaryNote = "no language model configured" };
        }

        var kernel = CreateKernel(view, trail);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            var history = new ChatHistory(SummaryPrompt.System);
            history.AddUserMessage(JsonSerializer.Serialize(brief, Json));
            var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(), Temperature = 0, MaxTokens = 800 };
            var reply = await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(history, settings, kernel, timeout.Token);
            var text = reply.Content?.Trim();
            if (PrescriptionContent.LooksLikePrescription(text))
            {
                await trail.RecordAsync(new SupportInvoked("chat.summary", "refused", "the summary read like a prescription and was withheld"));
                return brief with { SummaryNote = "the model's summary read like a prescription and was withheld" };
            }

            await trail.RecordAsync(new SupportInvoked("chat.summary", "completed", "model: " + options.Value.ChatModel));
            return string.IsNullOrEmpty(text) ? brief with { SummaryNote = "the model returned no text" } : brief with { Summary = text };
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever the model or its connector did (refused call, HTTP error, timeout, bad JSON), the
            // physician still gets the deterministic brief; the failure is audited by type only.
            await trail.RecordAsync(new SupportInvoked("chat.summary", "failed", e.GetType().Name));
            return brief with { SummaryNote = "the language model did not answer; the brief is complete without it" };
        }
    }
}
