namespace Triage.Silo.Api;

/// <summary>Reads a request body into memory up to a limit, for the guards that check it before its handler does.</summary>
internal static class RequestBody
{
    /// <summary>
    /// The body, buffered so that its handler can read it again, or null when it is larger than
    /// <paramref name="limit"/> bytes (Kestrel's own limit counts as larger).
    /// </summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContext context, int limit)
    {
        context.Request.EnableBuffering(limit, long.MaxValue);
        var body = new byte[limit + 1];
        var read = 0;
        try
        {
            int n;
            while (read < body.Length && (n = await context.Request.Body.ReadAsync(body.AsMemory(read), context.RequestAborted)) > 0)
            {
                read += n;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        if (read > limit)
        {
            return null;
        }

        context.Request.Body.Position = 0;
        return body.AsMemory(0, read);
    }
}
