using System.Buffers;

namespace Triage.Silo.Api;

/// <summary>Reads a request body into a pooled buffer up to a limit, for the guards that check it before its handler does.</summary>
internal static class RequestBody
{
    /// <summary>
    /// Buffers the body so that its handler can read it again and hands it to <paramref name="check"/>;
    /// the check gets null when the body is larger than <paramref name="limit"/> bytes (Kestrel's own
    /// limit counts as larger). The buffer is pooled: these guards sit on every call, the triage's too.
    /// </summary>
    public static async Task<T> CheckAsync<T>(HttpContext context, int limit, Func<ReadOnlyMemory<byte>?, T> check)
    {
        context.Request.EnableBuffering(limit, long.MaxValue);
        var size = context.Request.ContentLength is { } length && length <= limit ? (int)length + 1 : limit + 1;
        var body = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var read = 0;
            try
            {
                int n;
                while (read < size && (n = await context.Request.Body.ReadAsync(body.AsMemory(read, size - read), context.RequestAborted)) > 0)
                {
                    read += n;
                }
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return check(null);
            }

            if (read > limit)
            {
                return check(null);
            }

            context.Request.Body.Position = 0;
            return check(body.AsMemory(0, read));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }
}
