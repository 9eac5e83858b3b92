using Npgsql;
using Orleans.Storage;

namespace Triage.Grains.Storage.Postgres;

/// <summary>
/// Orleans grain state in PostgreSQL, as JSON, with an etag per write so that a stale activation
/// (on a silo thought dead) can never overwrite a newer state.
/// </summary>
public sealed class PostgresGrainStorage(PostgresDatabase database, TimeProvider time) : IGrainStorage
{
    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT etag, payload FROM grain_state WHERE grain_type = $1 AND grain_id = $2", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.ToString() });
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        if (await reader.ReadAsync().ConfigureAwait(false))
        {
            GrainStateJson.Found(grainState, reader.GetString(0), reader.GetString(1));
        }
        else
        {
            GrainStateJson.Missing(grainState);
        }
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var etag = Guid.NewGuid().ToString("N");
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        // Insert only when new, update only when the etag still matches: optimistic concurrency.
        await using var command = new NpgsqlCommand(
            grainState.ETag is null
                ? "INSERT INTO grain_state (grain_type, grain_id, etag, payload, updated_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING"
                : "UPDATE grain_state SET etag = $3, payload = $4, updated_at = $5 WHERE grain_type = $1 AND grain_id = $2 AND etag = $6",
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.ToString() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = etag });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = GrainStateJson.Serialize(grainState.State) });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = time.GetUtcNow() });
        if (grainState.ETag is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainState.ETag });
        }

        if (await command.ExecuteNonQueryAsync().ConfigureAwait(false) != 1)
        {
            throw new InconsistentStateException($"Grain state '{stateName}' was changed by another activation.", grainState.ETag ?? string.Empty, etag);
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand("DELETE FROM grain_state WHERE grain_type = $1 AND grain_id = $2 AND etag = $3", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.ToString() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainState.ETag ?? string.Empty });
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }
}
