namespace Triage.Grains.Cases;

/// <summary>A reason, question or next step as recorded: code plus Chinese and English text.</summary>
[GenerateSerializer, Immutable, Alias("triage.LocalizedTextRecord")]
public sealed record LocalizedTextRecord([property: Id(0)] string Code, [property: Id(1)] string Zh, [property: Id(2)] string En);
