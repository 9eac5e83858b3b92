using Microsoft.SemanticKernel;

namespace Triage.Support.Filters;

/// <summary>
/// Refuses, before it runs, any kernel function meant to write a prescription, and refuses any
/// function result that reads like one. National rules forbid AI-generated prescriptions; this
/// filter makes that a property of the kernel, whatever plugins or models are added later.
/// </summary>
public sealed class PrescriptionGuardFilter : IFunctionInvocationFilter
{
    /// <inheritdoc />
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (PrescriptionContent.IsPrescribingFunction(context.Function.Name, context.Function.Description))
        {
            throw new PrescriptionRefusedException($"refused {context.Function.PluginName}.{context.Function.Name}: decision support never produces a prescription");
        }

        await next(context);
        if (PrescriptionContent.LooksLikePrescription(context.Result.GetValue<object>()?.ToString()))
        {
            throw new PrescriptionRefusedException($"refused the result of {context.Function.PluginName}.{context.Function.Name}: it reads like a prescription");
        }
    }
}
