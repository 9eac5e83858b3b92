using Triage.Domain.Growth;

namespace Triage.Domain.Tests;

/// <summary>The WHO tables from ../shared/data/growth, read once for all tests.</summary>
internal static class SharedGrowth
{
    private static readonly Lazy<GrowthReference> Lazy = new(() => GrowthReference.LoadShared(AppContext.BaseDirectory));

    public static GrowthReference Reference => Lazy.Value;
}
