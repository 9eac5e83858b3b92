using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Triage.Silo.Hosting;

namespace Triage.Silo.Auth;

/// <summary>
/// Limits each caller (its API key's id) to a token bucket, and each client address to a few wrong
/// keys a minute: an address over that limit is refused altogether until the minute is over, so
/// guessing keys is slow whatever key comes next. Refusals answer 429 with <c>Retry-After</c>
/// (gRPC: <c>RESOURCE_EXHAUSTED</c>) and are not logged, so a flood cannot flood the log.
/// </summary>
public sealed class CallerRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _callers;
    private readonly PartitionedRateLimiter<string> _failures;

    /// <summary>Creates the limiters from <paramref name="options"/>.</summary>
    public CallerRateLimiter(IOptions<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _callers = PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, o.PerCallerBurst),
            TokensPerPeriod = Math.Max(1, o.PerCallerPerSecond),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        _failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, o.FailedAuthenticationsPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Lets the request through, or answers it with a refusal.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (context.User.Identity?.IsAuthenticated == true)
        {
            if (_failures.GetStatistics(address)?.CurrentAvailablePermits == 0)
            {
                await RefuseAsync(context, TimeSpan.FromMinutes(1));
                return;
            }

            using var lease = _callers.AttemptAcquire(context.User.Identity.Name ?? Caller(context));
            if (!lease.IsAcquired)
            {
                await RefuseAsync(context, lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1));
                return;
            }
        }
        else if (context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName))
        {
            using var lease = _failures.AttemptAcquire(address);
            if (!lease.IsAcquired)
            {
                await RefuseAsync(context, lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1));
                return;
            }
        }

        await next(context);
    }

    private static string Caller(HttpContext context) =>
        context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "unknown";

    private static Task RefuseAsync(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            // A trailers-only gRPC answer: the client sees RESOURCE_EXHAUSTED, not a transport error.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "8";
            context.Response.Headers["grpc-message"] = $"too many requests; retry after {seconds} s";
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _callers.Dispose();
        _failures.Dispose();
    }
}
