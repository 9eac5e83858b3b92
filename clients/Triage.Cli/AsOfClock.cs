using System.Globalization;
using Triage.Domain.Decision;

namespace Triage.Cli;

/// <summary>The clock of in-process decisions: now, or noon (Beijing) of the <c>--as-of</c> date.</summary>
internal sealed class AsOfClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public static TimeProvider From(CommandLine args)
    {
        var asOf = args.Get("--as-of");
        if (asOf is null)
        {
            return System;
        }

        return DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new AsOfClock(new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), BeijingCalendar.Offset))
            : throw new UsageException("--as-of must be a date YYYY-MM-DD");
    }
}
