namespace Triage.Domain.RedFlags;

/// <summary>Whether a red flag's words describe the patient now, and if not, why it is not acted on.</summary>
public enum RedFlagStatus
{
    /// <summary>Describes the patient now: acted on.</summary>
    Affirmed = 0,

    /// <summary>Denied by the writer ("没有抽搐", "no rash"): shown to the physician, not acted on.</summary>
    Negated = 1,

    /// <summary>A past episode or an established diagnosis under treatment ("去年抽过", "确诊癫痫三年"): shown, not acted on.</summary>
    History = 2,

    /// <summary>About someone other than the patient ("爷爷中风", "my father had a stroke"): shown, not acted on.</summary>
    OtherPerson = 3,
}
