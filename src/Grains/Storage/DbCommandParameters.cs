using System.Data.Common;

namespace Triage.Grains.Storage;

/// <summary>Named parameters on a provider-neutral command (<c>@name</c>, which SQLite and Npgsql both read).</summary>
public static class DbCommandParameters
{
    /// <summary>Adds the parameter <paramref name="name"/> with <paramref name="value"/>.</summary>
    public static void AddParameter(this DbCommand command, string name, object value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
