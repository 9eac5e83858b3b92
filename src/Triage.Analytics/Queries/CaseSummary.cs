namespace Triage.Analytics.Queries;

/// <summary>
/// One row per case, derived from the fact tables: what the service decided before any visit, the
/// visit's steps and times, and the compliance facts. Kept current with the facts: each batch the
/// projector appends recomputes the rows of the cases it touched (a physician's standing only ever
/// matters to consultations after it, so a standing fact touches no earlier case).
/// </summary>
internal static class CaseSummary
{
    /// <summary>Creates the table <c>case_summary</c> when it does not exist.</summary>
    public static string Create { get; } = $"CREATE TABLE IF NOT EXISTS case_summary AS {Select("case_facts")} LIMIT 0";

    /// <summary>Recomputes the rows of the cases with facts after ledger position <paramref name="previous"/>.</summary>
    public static string Update(long previous) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"""
        CREATE OR REPLACE TEMP TABLE touched AS SELECT DISTINCT case_key FROM case_facts WHERE pos > {previous};
        CREATE OR REPLACE TEMP TABLE touched_facts AS
            SELECT * FROM case_facts
            WHERE pos >= (SELECT least(coalesce(min(first_pos), {previous + 1}), {previous + 1}) FROM case_summary WHERE case_key IN (SELECT case_key FROM touched))
              AND case_key IN (SELECT case_key FROM touched);
        DELETE FROM case_summary WHERE case_key IN (SELECT case_key FROM touched);
        INSERT INTO case_summary {Select("touched_facts")};
        DROP TABLE touched; DROP TABLE touched_facts;
        """);

    // The summary of the cases whose facts are in the table <paramref name="facts"/>.
    private static string Select(string facts) => $$"""
        WITH visit AS (
            SELECT case_key,
                min(pos) FILTER (WHERE type = 'visit_booked') AS booked_pos,
                arg_max(physician_key, pos) FILTER (WHERE type = 'visit_assigned') AS assigned_key,
                min(pos) FILTER (WHERE type = 'visit_alert' AND reason = 'emergency') AS emergency_alert_pos
            FROM {{facts}}
            WHERE type IN ('visit_booked', 'visit_assigned', 'visit_alert')
            GROUP BY case_key),
        per_case AS (
            SELECT f.case_key,
                min(f.pos) AS first_pos,
                min(f.occurred_at) FILTER (WHERE f.type = 'case_opened') AS opened_at,
                count(*) FILTER (WHERE f.type = 'assessed') AS assessments,
                arg_max(f.disposition, f.pos) FILTER (WHERE f.type = 'assessed' AND (v.booked_pos IS NULL OR f.pos < v.booked_pos)) AS disposition,
                arg_max(f.specialty, f.pos) FILTER (WHERE f.type = 'assessed' AND (v.booked_pos IS NULL OR f.pos < v.booked_pos)) AS specialty,
                arg_max(f.model_version, f.pos) FILTER (WHERE f.type = 'assessed' AND (v.booked_pos IS NULL OR f.pos < v.booked_pos)) AS model_version,
                arg_max(f.red_flags, f.pos) FILTER (WHERE f.type = 'assessed' AND (v.booked_pos IS NULL OR f.pos < v.booked_pos)) AS red_flags,
                arg_max(f.reason, f.pos) FILTER (WHERE f.type = 'assessed' AND (v.booked_pos IS NULL OR f.pos < v.booked_pos)) AS reason,
                arg_max(f.age_months, f.pos) FILTER (WHERE f.type = 'assessed' AND f.age_months IS NOT NULL AND (v.booked_pos IS NULL OR f.pos < v.booked_pos)) AS age_months,
                arg_max(f.province, f.pos) FILTER (WHERE f.province IS NOT NULL) AS province,
                arg_max(f.guardian, f.pos) FILTER (WHERE f.guardian IS NOT NULL AND (v.booked_pos IS NULL OR f.pos < v.booked_pos)) AS guardian_at_booking,
                arg_max(f.hospital, f.pos) FILTER (WHERE f.type = 'visit_booked') AS booked_hospital,
                arg_max(f.hospital, f.pos) FILTER (WHERE f.hospital IS NOT NULL AND f.type IN ('case_opened', 'answers_added')) AS preferred_hospital,
                arg_max(f.specialty, f.pos) FILTER (WHERE f.type = 'visit_booked') AS booked_specialty,
                min(f.occurred_at) FILTER (WHERE f.type = 'visit_booked') AS booked_at,
                min(f.occurred_at) FILTER (WHERE f.type = 'consultation_started') AS started_at,
                min(f.pos) FILTER (WHERE f.type = 'consultation_started') AS started_pos,
                arg_min(f.physician_key, f.pos) FILTER (WHERE f.type = 'consultation_started') AS physician_key,
                min(f.occurred_at) FILTER (WHERE f.type = 'visit_completed') AS completed_at,
                min(f.occurred_at) FILTER (WHERE f.type = 'visit_terminated') AS terminated_at,
                arg_min(f.reason, f.pos) FILTER (WHERE f.type = 'visit_terminated') AS termination_reason,
                arg_min(f.final_disposition, f.pos) FILTER (WHERE f.type = 'visit_completed') AS final_disposition,
                arg_min(f.final_specialty, f.pos) FILTER (WHERE f.type = 'visit_completed') AS final_specialty,
                count(*) FILTER (WHERE f.type = 'visit_alert') AS alerts,
                count(*) FILTER (WHERE f.type = 'visit_alert' AND f.reason = 'emergency') AS emergency_alerts,
                count(*) FILTER (WHERE f.type = 'prescription_signed') AS prescriptions,
                count(*) FILTER (WHERE f.type = 'prescription_signed' AND (NOT f.signed_by_physician OR f.physician_key IS DISTINCT FROM v.assigned_key)) AS unsigned_prescriptions,
                -- Acknowledging an alert is not an event yet (the physicians' rules issue adds it): until then every prescription after an emergency alert counts.
                count(*) FILTER (WHERE f.type = 'prescription_signed' AND f.pos > v.emergency_alert_pos) AS prescriptions_after_emergency_alert
            FROM {{facts}} f LEFT JOIN visit v USING (case_key)
            GROUP BY f.case_key),
        started AS (
            SELECT c.case_key, p.hospital = c.booked_hospital AND list_contains(string_split(p.specialties, ','), c.booked_specialty) AS whitelisted
            FROM (SELECT case_key, started_pos, physician_key, booked_hospital, booked_specialty FROM per_case WHERE started_pos IS NOT NULL) c
            ASOF LEFT JOIN physician_facts p ON c.physician_key = p.physician_key AND c.started_pos >= p.pos)
        SELECT c.*,
            CAST(c.opened_at + INTERVAL 8 HOUR AS DATE) AS opened_date,
            strftime(c.opened_at + INTERVAL 8 HOUR, '%Y-%m') AS month,
            coalesce(c.booked_hospital, c.preferred_hospital, 'unspecified') AS hospital,
            coalesce(c.province, 'unknown') AS province_group,
            CASE WHEN c.age_months IS NULL THEN 'unknown' WHEN c.age_months < 1 THEN '0-1m' WHEN c.age_months < 12 THEN '1-12m'
                 WHEN c.age_months < 36 THEN '1-3y' WHEN c.age_months < 72 THEN '3-6y' WHEN c.age_months < 144 THEN '6-12y' ELSE '12-18y' END AS age_band,
            coalesce(s.whitelisted, false) AS whitelisted_at_start,
            CASE WHEN c.completed_at IS NOT NULL THEN c.final_disposition
                 WHEN c.termination_reason = 'emergency' THEN 'emergency'
                 WHEN c.terminated_at IS NOT NULL THEN 'offline' END AS physician_disposition
        FROM per_case c LEFT JOIN started s USING (case_key)
        WHERE c.opened_at IS NOT NULL
        """;

    /// <summary>The summary column behind each dimension.</summary>
    public static string ColumnOf(string dimension) => dimension switch
    {
        AnalyticsDimension.Month => "month",
        AnalyticsDimension.Hospital => "hospital",
        AnalyticsDimension.Specialty => "specialty",
        AnalyticsDimension.Province => "province_group",
        AnalyticsDimension.AgeBand => "age_band",
        AnalyticsDimension.Disposition => "disposition",
        AnalyticsDimension.ModelVersion => "model_version",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };
}
