using System.Globalization;
using Orleans.Storage;

namespace Triage.Grains.Storage;

/// <summary>
/// Orleans grain state in the embedded SQLite file, as JSON, with an etag per write so that a
/// stale activation can never overwrite a newer state.
/// </summary>
public sealed class SqliteGrainStorage(SqliteDatabase database, TimeProvider time) : IGrainStorage
{
    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, payload FROM grain_state WHERE grain_type = $type AND grain_id = $id";
        command.Parameters.AddWithValue("$type", stateName);
        command.Parameters.AddWithValue("$id", grainId.ToString());
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
        var written = await database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            // Insert only when new, update only when the etag still matches: optimistic concurrency.
            command.CommandText = grainState.ETag is null
                ? "INSERT INTO grain_state (grain_type, grain_id, etag, payload, updated_at) VALUES ($type, $id, $etag, $payload, $at) ON CONFLICT DO NOTHING"
                : "UPDATE grain_state SET etag = $etag, payload = $payload, updated_at = $at WHERE grain_type = $type AND grain_id = $id AND etag = $old";
            command.Parameters.AddWithValue("$type", stateName);
            command.Parameters.AddWithValue("$id", grainId.ToString());
            command.Parameters.AddWithValue("$etag", etag);
            command.Parameters.AddWithValue("$payload", GrainStateJson.Serialize(grainState.State));
            command.Parameters.AddWithValue("$at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$old", (object?)grainState.ETag ?? DBNull.Value);
            return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }).ConfigureAwait(false);
        if (written != 1)
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
        await database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM grain_state WHERE grain_type = $type AND grain_id = $id AND etag = $old";
            command.Parameters.AddWithValue("$type", stateName);
            command.Parameters.AddWithValue("$id", grainId.ToString());
            command.Parameters.AddWithValue("$old", (object?)grainState.ETag ?? DBNull.Value);
            return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }).ConfigureAwait(false);
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }
}
