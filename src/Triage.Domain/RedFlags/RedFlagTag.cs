namespace Triage.Domain.RedFlags;

/// <summary>
/// The red-flag tags of the triage policy (§4), and the two raised by measurements. Stored and sent
/// by their policy names (<see cref="RedFlagTags.Name"/>), never by number.
/// </summary>
public enum RedFlagTag
{
    /// <summary>Fever of 38 C or more under 3 months of age.</summary>
    InfantFever,

    /// <summary>Fever with a non-blanching rash, petechiae or purpura.</summary>
    FeverPurpura,

    /// <summary>Difficulty breathing, grunting, cyanosis, choking; breathless at rest.</summary>
    Breathing,

    /// <summary>Seizure or convulsion.</summary>
    Seizure,

    /// <summary>Unresponsive, very drowsy, limp, inconsolable high-pitched cry; confusion.</summary>
    Consciousness,

    /// <summary>No urine 8 h+, no tears, sunken eyes or fontanelle.</summary>
    Dehydration,

    /// <summary>Persistent or bilious vomiting, vomiting or coughing blood, blood in stool.</summary>
    GiBleedVomiting,

    /// <summary>Severe abdominal pain, testicular pain, sudden worst-ever headache.</summary>
    SeverePain,

    /// <summary>Poisoning, medicine or battery ingestion, foreign body.</summary>
    Ingestion,

    /// <summary>Head injury, major trauma, large or facial burns.</summary>
    TraumaBurn,

    /// <summary>Swelling of face, lips or tongue; hives with breathing or swallowing trouble.</summary>
    Anaphylaxis,

    /// <summary>Blistering or peeling skin with sore mouth or eyes.</summary>
    SkinDetachment,

    /// <summary>Fever 5 days or more with red eyes, red lips, swollen hands or rash.</summary>
    Kawasaki,

    /// <summary>Self-harm or suicidal thoughts.</summary>
    SelfHarm,

    /// <summary>Heavy bleeding; bleeding in pregnancy.</summary>
    Bleeding,

    /// <summary>Fever with a stiff neck, a bulging fontanelle or pain from light.</summary>
    Meningism,

    /// <summary>Chest pain or pressure, fainting with palpitations.</summary>
    ChestPain,

    /// <summary>Face drooping, one-sided weakness or numbness, slurred or lost speech, sudden loss of vision.</summary>
    Stroke,

    /// <summary>A newborn's bilirubin at exchange-transfusion level (measured).</summary>
    SevereHyperbilirubinemia,

    /// <summary>Short stature or slow growth with headache, vomiting or visual change.</summary>
    NeuroWithGrowth,

    /// <summary>Puberty signs in a girl under 6 or a boy under 9.</summary>
    EarlyPubertyYoung,

    /// <summary>Visible wasting, oedema, or a weight far below the WHO curve.</summary>
    SevereMalnutrition,

    /// <summary>Eating disorder with fainting, very low weight or food refusal.</summary>
    EatingDisorder,

    /// <summary>Excessive thirst and urination with weight loss.</summary>
    PolyuriaWeightloss,

    /// <summary>Haemangioma near eye, lip, airway, ulcerated, many, or large on the face.</summary>
    HighRiskHemangioma,

    /// <summary>Rapidly spreading or infected skin lesion, abscess, cellulitis.</summary>
    SkinInfection,

    /// <summary>A mole that changes, bleeds or grows fast.</summary>
    ChangingMole,

    /// <summary>Jaundice in a newborn.</summary>
    NeonatalJaundice,

    /// <summary>Already needing hospital care, surgery or a procedure.</summary>
    NeedsProcedure,

    /// <summary>Height more than 3 SD below the WHO curve (measured).</summary>
    SevereShortStature,
}
