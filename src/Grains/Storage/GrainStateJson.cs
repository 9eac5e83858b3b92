using System.Text.Json;

namespace Triage.Grains.Storage;

/// <summary>Grain state as both stores keep it: JSON with an etag per write.</summary>
internal static class GrainStateJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    /// <summary>The stored form of a state.</summary>
    public static string Serialize<T>(T state) => JsonSerializer.Serialize(state, Json);

    /// <summary>Fills <paramref name="grainState"/> from a stored row.</summary>
    public static void Found<T>(IGrainState<T> grainState, string etag, string payload)
    {
        grainState.ETag = etag;
        grainState.State = JsonSerializer.Deserialize<T>(payload, Json) ?? Activator.CreateInstance<T>();
        grainState.RecordExists = true;
    }

    /// <summary>Fills <paramref name="grainState"/> for a state never written.</summary>
    public static void Missing<T>(IGrainState<T> grainState)
    {
        grainState.State ??= Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }
}
