namespace Triage.Grains.Cases;

/// <summary>
/// References to case grains. Orleans' <c>GetGrain&lt;T&gt;(Guid)</c> reads the interface's attributes by
/// reflection on every call (1% of the service's CPU under load, measured with perf); a case's grain
/// and interface types never change, so they are taken from the first reference and reused.
/// </summary>
public static class CaseGrainReferences
{
    // A reference, so that it is published whole to other threads.
    private static Types? _types;

    /// <summary>The case grain for <paramref name="caseId"/>.</summary>
    public static ICaseGrain GetCase(this IGrainFactory grains, Guid caseId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (_types is not { } types)
        {
            var first = (GrainReference)grains.GetGrain<ICaseGrain>(caseId);
            _types = new Types(first.GrainId.Type, first.InterfaceType);
            return (ICaseGrain)first;
        }

        return (ICaseGrain)grains.GetGrain(GrainId.Create(types.Grain, GrainIdKeyExtensions.CreateGuidKey(caseId)), types.Interface);
    }

    private sealed record Types(GrainType Grain, GrainInterfaceType Interface);
}
