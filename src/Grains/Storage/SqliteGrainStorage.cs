using Orleans.Serialization;
using Orleans.Storage;

namespace RpaOrleans.Storage;

/// <summary>
/// Grain state in the embedded SQLite file. State is written with the Orleans serializer, so the
/// same version-tolerance rules as the wire apply; the etag is a row version checked on write.
/// </summary>
public sealed class SqliteGrainStorage(string name, SqliteDatabase database, Serializer serializer) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, data FROM grain_state WHERE state_name = $state AND grain_id = $grain";
        command.Parameters.AddWithValue("$state", Key(stateName));
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }
        grainState.ETag = reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.State = serializer.Deserialize<T>((byte[])reader.GetValue(1));
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = serializer.SerializeToArray(grainState.State);
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        if (grainState.ETag is null)
        {
            command.CommandText = "INSERT INTO grain_state (state_name, grain_id, etag, data) VALUES ($state, $grain, 1, $data) ON CONFLICT DO NOTHING";
        }
        else
        {
            command.CommandText = "UPDATE grain_state SET etag = etag + 1, data = $data WHERE state_name = $state AND grain_id = $grain AND etag = $etag";
            command.Parameters.AddWithValue("$etag", long.Parse(grainState.ETag, System.Globalization.CultureInfo.InvariantCulture));
        }
        command.Parameters.AddWithValue("$state", Key(stateName));
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        command.Parameters.AddWithValue("$data", data);
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InconsistentStateException(
                $"Grain state {stateName} of {grainId} was changed by someone else (etag {grainState.ETag ?? "none"}).");
        }
        grainState.ETag = grainState.ETag is null
            ? "1"
            : (long.Parse(grainState.ETag, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM grain_state WHERE state_name = $state AND grain_id = $grain";
        command.Parameters.AddWithValue("$state", Key(stateName));
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        await command.ExecuteNonQueryAsync();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private string Key(string stateName) => $"{name}/{stateName}";
}
