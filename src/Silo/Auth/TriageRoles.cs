namespace Triage.Silo.Auth;

/// <summary>The roles a caller can hold: each API key carries one, and each service admits one (its <c>[Authorize]</c> policy).</summary>
public static class TriageRoles
{
    /// <summary>A hospital booking app (WeChat account, mini-program, third-party app).</summary>
    public const string BookingApp = "booking_app";

    /// <summary>A whitelisted physician.</summary>
    public const string Physician = "physician";

    /// <summary>An evaluator of the pilot: de-identified analytics only.</summary>
    public const string Evaluator = "evaluator";

    /// <summary>The supervision platform or a regulator: de-identified analytics, and the audit with each case's full trail.</summary>
    public const string Regulator = "regulator";

    /// <summary>The policy admitting evaluators and regulators.</summary>
    public const string Analytics = "analytics";

    /// <summary>The policy admitting regulators and administrators.</summary>
    public const string Audit = "audit";

    /// <summary>Manages physicians and configuration.</summary>
    public const string Admin = "admin";
}
