namespace Triage.Domain.Facts;

/// <summary>Who the complaint is about, as far as the text or the request tells.</summary>
public enum PatientSubject
{
    /// <summary>Neither the request nor the text says.</summary>
    Unknown = 0,

    /// <summary>Under 18, or a parent writing about a baby or child.</summary>
    Child = 1,

    /// <summary>18 or older, or the writer describing their own adult body.</summary>
    Adult = 2,
}
