using Triage.Domain.Classification;

namespace Triage.Domain.Decision;

/// <summary>A hospital admitted to the pilot and the specialties it offers online.</summary>
public sealed class PilotHospital
{
    /// <summary>Short code used by booking apps, e.g. <c>BCH</c>.</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>Name in Chinese.</summary>
    public string NameZh { get; set; } = string.Empty;

    /// <summary>Name in English.</summary>
    public string NameEn { get; set; } = string.Empty;

    /// <summary>Specialties this hospital offers as online first visits.</summary>
    public List<Specialty> Specialties { get; set; } = [];
}
