namespace Triage.Domain.Facts;

/// <summary>The child's sex where the caller or the text states it.</summary>
public enum Sex
{
    /// <summary>Not stated.</summary>
    Unknown = 0,

    /// <summary>Female.</summary>
    Female = 1,

    /// <summary>Male.</summary>
    Male = 2,
}
