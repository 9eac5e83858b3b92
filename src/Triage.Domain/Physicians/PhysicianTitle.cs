namespace Triage.Domain.Physicians;

/// <summary>Professional title (职称), lowest first.</summary>
public enum PhysicianTitle
{
    /// <summary>Not stated.</summary>
    Unknown = 0,

    /// <summary>住院医师.</summary>
    Resident = 1,

    /// <summary>主治医师: the lowest title the pilot admits.</summary>
    Attending = 2,

    /// <summary>副主任医师.</summary>
    AssociateChief = 3,

    /// <summary>主任医师.</summary>
    Chief = 4,
}
