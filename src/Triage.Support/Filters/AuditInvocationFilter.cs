using Microsoft.SemanticKernel;
using Triage.Grains.Cases;

namespace Triage.Support.Filters;

/// <summary>
/// Writes every kernel function invocation to the case's audit trail: the function, the outcome
/// (completed, refused, failed) and the argument names. Values are left out: they may carry the
/// complaint, which the journal already holds once.
/// </summary>
public sealed class AuditInvocationFilter(ISupportAuditTrail trail) : IFunctionInvocationFilter
{
    /// <inheritdoc />
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var function = $"{context.Function.PluginName}.{context.Function.Name}";
        var arguments = "arguments: " + string.Join(",", context.Arguments.Names.Order(StringComparer.Ordinal));
        try
        {
            await next(context);
        }
        catch (PrescriptionRefusedException e)
        {
            await trail.RecordAsync(new SupportInvoked(function, "refused", $"{arguments}; {e.Message}"));
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await trail.RecordAsync(new SupportInvoked(function, "failed", $"{arguments}; {e.GetType().Name}"));
            throw;
        }

        await trail.RecordAsync(new SupportInvoked(function, "completed", arguments));
    }
}
