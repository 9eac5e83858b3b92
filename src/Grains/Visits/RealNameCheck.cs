using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Triage.Grains.Visits;

/// <summary>
/// The physician's real-name check before a consultation (互联网诊疗监管细则: 实名认证 before each
/// consultation): who verified whom, how and when, and the verifier's own reference to its record.
/// </summary>
/// <param name="Method">How: one of <see cref="Methods"/>.</param>
/// <param name="Verifier">Who verified: the hospital's verifying system or staff member (never the physician).</param>
/// <param name="PhysicianId">Whom: the physician verified; must be the one starting the consultation.</param>
/// <param name="VerifiedAt">When the check was done.</param>
/// <param name="Reference">The verifier's reference for this check (its transaction id), so the audit can find its record.</param>
[GenerateSerializer, Immutable, Alias("triage.RealNameCheck")]
public sealed partial record RealNameCheck(
    [property: Id(0)] string Method,
    [property: Id(1)] string Verifier,
    [property: Id(2)] string PhysicianId,
    [property: Id(3)] DateTimeOffset VerifiedAt,
    [property: Id(4)] string Reference)
{
    /// <summary>
    /// The accepted methods: a face matched against the licence registry's photo, a resident ID card
    /// read with a liveness check, the physician's digital certificate (CA key), or staff in person.
    /// </summary>
    public static readonly FrozenSet<string> Methods = FrozenSet.ToFrozenSet(["face_recognition", "id_card_liveness", "digital_certificate", "in_person"], StringComparer.Ordinal);

    // A clock a few minutes apart between the verifier and the service is not a fault.
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The first rule this check breaks for <paramref name="physicianId"/> starting a consultation at
    /// <paramref name="now"/>, as <c>field: rule</c> (never the value sent); null when it holds.
    /// </summary>
    public string? Problem(string physicianId, DateTimeOffset now, TimeSpan maxAge)
    {
        if (FormProblem() is { } form)
        {
            return form;
        }

        if (string.Equals(Verifier, physicianId, StringComparison.OrdinalIgnoreCase))
        {
            return "real_name_check.verifier: a physician cannot verify themselves";
        }

        if (!string.Equals(PhysicianId, physicianId, StringComparison.Ordinal))
        {
            return "real_name_check.physician_id: must be the physician starting the consultation";
        }

        if (VerifiedAt > now + Skew)
        {
            return "real_name_check.verified_at: in the future";
        }

        return VerifiedAt < now - maxAge
            ? $"real_name_check.verified_at: older than {maxAge.TotalMinutes:0} minutes; check again before this consultation"
            : null;
    }

    /// <summary>The first rule of form this check breaks (method, verifier, whom, reference), whoever starts and whenever; null when it holds.</summary>
    public string? FormProblem()
    {
        if (!Methods.Contains(Method))
        {
            return "real_name_check.method: one of " + string.Join(", ", Methods.Order(StringComparer.Ordinal));
        }

        if (!Identifier().IsMatch(Verifier))
        {
            return "real_name_check.verifier: 1-64 letters, digits, '.', '_', ':' or '-' naming the verifying system or staff member";
        }

        if (!Identifier().IsMatch(PhysicianId))
        {
            return "real_name_check.physician_id: the physician's id is required";
        }

        return Identifier().IsMatch(Reference)
            ? null
            : "real_name_check.reference: 1-64 letters, digits, '.', '_', ':' or '-' (the verifier's id for this check)";
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
