namespace Triage.Domain.Classification;

/// <summary>The pilot specialty a complaint is about (policy §3); <see cref="Other"/> for everything else.</summary>
public enum Specialty
{
    /// <summary>Not one of the pilot specialties.</summary>
    Other = 0,

    /// <summary>儿童生长发育: stature, puberty, head size, milestones in a well child.</summary>
    Growth = 1,

    /// <summary>儿童营养: feeding, weight, micronutrients, rickets, diet for food allergy.</summary>
    Nutrition = 2,

    /// <summary>儿童皮肤疾病: eczema, rashes without fever, acne, warts, birthmarks, hair and nails.</summary>
    Dermatology = 3,
}
