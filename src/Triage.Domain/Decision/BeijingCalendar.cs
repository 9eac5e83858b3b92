namespace Triage.Domain.Decision;

/// <summary>
/// The pilot's calendar: its period, ages and birth dates are Beijing dates (UTC+8, no daylight
/// saving), whatever the server's time zone.
/// </summary>
public static class BeijingCalendar
{
    /// <summary>Beijing's offset from UTC.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The Beijing date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}
