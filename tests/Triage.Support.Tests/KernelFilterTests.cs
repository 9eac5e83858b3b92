using System.ComponentModel;
using Microsoft.SemanticKernel;
using Triage.Grains.Cases;
using Triage.Support.Filters;

namespace Triage.Support.Tests;

/// <summary>
/// The kernel filters on a real Semantic Kernel: a prescribing function is refused before it runs,
/// a result that reads like a prescription is refused, and every invocation is audited. The audit
/// sink here keeps entries in a list; in the service it is the case grain (see the end-to-end tests).
/// </summary>
public class KernelFilterTests
{
    private sealed class ListTrail : ISupportAuditTrail
    {
        public List<SupportInvoked> Entries { get; } = [];

        public Task RecordAsync(SupportInvoked invocation)
        {
            Entries.Add(invocation);
            return Task.CompletedTask;
        }
    }

    public sealed class RiskyPlugin
    {
        public int PrescriptionsDrafted { get; private set; }

        [KernelFunction("draft_prescription"), Description("Drafts a prescription for the case.")]
        public string DraftPrescription([Description("diagnosis")] string diagnosis)
        {
            PrescriptionsDrafted++;
            return "阿莫西林 250mg 每日3次";
        }

        [KernelFunction("care_advice"), Description("General care advice.")]
        public string CareAdvice([Description("topic")] string topic) => topic == "dose" ? "布洛芬 5 mg/kg 每日3次" : "保持皮肤湿润，避免过热。";
    }

    private static (Kernel Kernel, ListTrail Trail, RiskyPlugin Plugin) Build()
    {
        var trail = new ListTrail();
        var plugin = new RiskyPlugin();
        var builder = Kernel.CreateBuilder();
        builder.Plugins.AddFromObject(plugin, "risky");
        var kernel = builder.Build();
        kernel.FunctionInvocationFilters.Add(new AuditInvocationFilter(trail));
        kernel.FunctionInvocationFilters.Add(new PrescriptionGuardFilter());
        return (kernel, trail, plugin);
    }

    [Fact]
    public async Task Invoke_PrescribingFunction_IsRefusedBeforeItRunsAndAudited()
    {
        var (kernel, trail, plugin) = Build();

        await Assert.ThrowsAsync<PrescriptionRefusedException>(() => kernel.InvokeAsync("risky", "draft_prescription", new KernelArguments { ["diagnosis"] = "湿疹" }));

        Assert.Equal(0, plugin.PrescriptionsDrafted);
        var entry = Assert.Single(trail.Entries);
        Assert.Equal("risky.draft_prescription", entry.Function);
        Assert.Equal("refused", entry.Outcome);
        Assert.Contains("arguments: diagnosis", entry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("湿疹", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_ResultReadingLikeAPrescription_IsRefused()
    {
        var (kernel, trail, _) = Build();

        await Assert.ThrowsAsync<PrescriptionRefusedException>(() => kernel.InvokeAsync("risky", "care_advice", new KernelArguments { ["topic"] = "dose" }));

        Assert.Equal("refused", Assert.Single(trail.Entries).Outcome);
    }

    [Fact]
    public async Task Invoke_OrdinaryFunction_CompletesAndIsAudited()
    {
        var (kernel, trail, _) = Build();

        var result = await kernel.InvokeAsync("risky", "care_advice", new KernelArguments { ["topic"] = "skin" });

        Assert.Contains("湿润", result.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(("risky.care_advice", "completed"), (trail.Entries[0].Function, trail.Entries[0].Outcome));
    }

    [Theory]
    [InlineData("处方：阿莫西林", true)]
    [InlineData("Rx: amoxicillin", true)]
    [InlineData("维生素D 400 IU 每日1次", true)]
    [InlineData("ibuprofen 10 mg/kg three times a day", true)]
    [InlineData("身高别年龄Z -1.0（WHO 2006），建议询问父母身高。", false)]
    [InlineData("体重17公斤，每日饮食需要评估。", false)]
    public void LooksLikePrescription_RecognisesDosingOrders(string text, bool expected)
    {
        Assert.Equal(expected, PrescriptionContent.LooksLikePrescription(text));
    }
}
