namespace Triage.Grains.Journal;

/// <summary>
/// Marks a string of an event body as a person's own words (a complaint, a message, a physician's
/// note): it is sealed (AES-GCM) before the event is hashed and stored, and opened only by a
/// service holding the journal keys. Coded fields stay readable, so analytics and audit need no key.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class FreeTextAttribute : Attribute;
