using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace Triage.Client;

/// <summary>
/// The name an API enum value has in the contract and in JSON ("online", "dermatology", "seizure"):
/// what a caller writes to its own files. A value this client does not know fails loudly.
/// </summary>
public static class ApiNames
{
    private static readonly ConcurrentDictionary<(Type, int), string> Names = new();

    /// <summary>The contract's name of <paramref name="value"/>.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum =>
        Names.GetOrAdd((typeof(T), Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)), _ =>
            typeof(T).GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static)?.GetCustomAttribute<OriginalNameAttribute>()?.Name
            ?? throw new InvalidDataException($"{typeof(T).Name} value {value} is not in this client's contract"));
}
