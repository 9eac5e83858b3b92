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

    // The summary of the cases whose facts are in the table <paramref name="facts"/>. Each fact is
    // first marked with what held just before it in its case (the physician assigned, the last
    // emergency alert, the last decision to continue after one), so that a prescription is judged
    // by the visit as it stood when it was signed.
    private static string Select(string facts) => $$"""
        WITH marked AS (
            SELECT *,
                last_value(CASE WHEN type = 'visit_assigned' THEN physician_key END IGNORE NULLS) OVER before AS assigned_key,
                max(CASE WHEN type = 'visit_alert' AND reason = 'emergency' THEN pos END) OVER before AS emergency_alert_pos,
                max(CASE WHEN type = 'alert_acknowledged' THEN pos END) OVER before AS acknowledged_pos
            FROM {{facts}}
            WINDOW before AS (PARTITION BY case_key ORDER BY pos ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)),
        visit AS (
            SELECT case_key, min(pos) AS booked_pos FROM {{facts}} WHERE type = 'visit_booked' GROUP BY case_key),
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
                arg_max(f.physician_key, f.pos) FILTER (WHERE f.type = 'consultation_started') AS physician_key,
                count(*) FILTER (WHERE f.type = 'visit_handed_back') AS handed_back,
                min(f.occurred_at) FILTER (WHERE f.type = 'visit_completed') AS completed_at,
                min(f.occurred_at) FILTER (WHERE f.type = 'visit_terminated') AS terminated_at,
                arg_min(f.reason, f.pos) FILTER (WHERE f.type = 'visit_terminated') AS termination_reason,
                arg_min(f.final_disposition, f.pos) FILTER (WHERE f.type = 'visit_completed') AS final_disposition,
                arg_min(f.final_specialty, f.pos) FILTER (WHERE f.type = 'visit_completed') AS final_specialty,
                count(*) FILTER (WHERE f.type = 'visit_alert') AS alerts,
                count(*) FILTER (WHERE f.type = 'visit_alert' AND f.reason = 'emergency') AS emergency_alerts,
                count(*) FILTER (WHERE f.type = 'alert_acknowledged') AS acknowledgements,
                count(*) FILTER (WHERE f.type = 'prescription_signed') AS prescriptions,
                count(*) FILTER (WHERE f.type = 'prescription_signed' AND (NOT f.signed_by_physician OR f.physician_key IS DISTINCT FROM f.assigned_key)) AS unsigned_prescriptions,
                count(*) FILTER (WHERE f.type = 'prescription_signed' AND f.emergency_alert_pos > coalesce(f.acknowledged_pos, 0)) AS prescriptions_after_unacknowledged_alert
            FROM marked f LEFT JOIN visit v USING (case_key)
            GROUP BY f.case_key),
        starts AS (
            SELECT s.case_key, s.pos, s.physician_key, c.booked_hospital, c.booked_specialty
            FROM {{facts}} s JOIN per_case c USING (case_key)
            WHERE s.type = 'consultation_started'),
        started AS (
            SELECT s.case_key,
                count(*) FILTER (WHERE NOT coalesce(p.hospital = s.booked_hospital AND list_contains(string_split(p.specialties, ','), s.booked_specialty), false)) AS starts_off_whitelist
            FROM starts s ASOF LEFT JOIN physician_facts p ON s.physician_key = p.physician_key AND s.pos >= p.pos
            GROUP BY s.case_key)
        SELECT c.*,
            CAST(c.opened_at + INTERVAL 8 HOUR AS DATE) AS opened_date,
            strftime(c.opened_at + INTERVAL 8 HOUR, '%Y-%m') AS month,
            coalesce(c.booked_hospital, c.preferred_hospital, 'unspecified') AS hospital,
            coalesce(c.province, 'unknown') AS province_group,
            CASE WHEN c.age_months IS NULL THEN 'unknown' WHEN c.age_months < 1 THEN '0-1m' WHEN c.age_months < 12 THEN '1-12m'
                 WHEN c.age_months < 36 THEN '1-3y' WHEN c.age_months < 72 THEN '3-6y' WHEN c.age_months < 144 THEN '6-12y' ELSE '12-18y' END AS age_band,
            coalesce(s.starts_off_whitelist, 0) AS starts_off_whitelist,
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
