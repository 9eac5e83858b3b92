namespace Triage.Domain.Facts;

/// <summary>Converts between the units ages come in; months are the unit every rule uses.</summary>
public static class AgeUnits
{
    /// <summary>Average days in a month (365.25 / 12), as in the WHO growth standards.</summary>
    public const double DaysPerMonth = 30.4375;

    /// <summary>Months for a number of days.</summary>
    public static double MonthsFromDays(double days) => days / DaysPerMonth;

    /// <summary>Whole days for a number of months.</summary>
    public static int DaysFromMonths(double months) => (int)Math.Round(months * DaysPerMonth);
}
