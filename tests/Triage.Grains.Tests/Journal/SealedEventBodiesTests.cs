using System.Security.Cryptography;
using System.Text.Json;
using Triage.Grains.Cases;
using Triage.Grains.Hosting;
using Triage.Grains.Journal;
using Triage.Grains.Visits;

namespace Triage.Grains.Tests.Journal;

/// <summary>Free text sealed in event bodies: opened with the keys, unreadable without them, rotated without re-sealing.</summary>
public sealed class SealedEventBodiesTests
{
    private const string Complaint = "宝宝8个月，脸上湿疹两周了，张小明";
    private static readonly byte[] Key1 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Key2 = RandomNumberGenerator.GetBytes(32);

    private static SealedEventBodies Bodies(string current, params (string Id, byte[] Key)[] keys) =>
        new(new JournalKeyRing(keys.ToDictionary(k => k.Id, k => k.Key), current));

    private static CaseOpened Opened(string complaint = Complaint) =>
        new("app-a", "pseudonym", complaint, new PatientDetails { AgeMonths = 8, GuardianPresent = true, PreferredHospital = "BCH" });

    [Fact]
    public void Serialize_CaseOpened_SealsTheComplaintAndLeavesCodedFieldsReadableWithoutAKey()
    {
        var payload = Bodies("k1", ("k1", Key1)).Serialize(Opened());

        Assert.DoesNotContain("湿疹", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("张小明", payload, StringComparison.Ordinal);
        Assert.Equal("k1", JsonDocument.Parse(payload).RootElement.GetProperty("complaint").GetProperty("key").GetString());
        // What analytics reads, keyless: every coded field; the words read as empty.
        var keyless = CaseJson.Deserialize<CaseOpened>(payload);
        Assert.Equal("app-a", keyless.AppId);
        Assert.Equal("BCH", keyless.Patient.PreferredHospital);
        Assert.Equal(8, keyless.Patient.AgeMonths);
        Assert.Equal(string.Empty, keyless.Complaint);
    }

    [Fact]
    public void Deserialize_SealedBody_GivesTheWordsBackExactly()
    {
        var bodies = Bodies("k1", ("k1", Key1));
        var message = new VisitMessage(VisitMessage.Parent, "他嘴唇有点紫 🙁 \"quoted\"\n第二行");

        Assert.Equal(Opened(), bodies.Deserialize<CaseOpened>(bodies.Serialize(Opened())));
        Assert.Equal(message, bodies.Deserialize<VisitMessage>(bodies.Serialize(message)));
        var answered = new CaseAnswered([new QuestionAnswer("age", "8个月")], "还有点痒", null);
        var roundTrip = bodies.Deserialize<CaseAnswered>(bodies.Serialize(answered));
        Assert.Equal("8个月", roundTrip.Answers[0].Text);
        Assert.Equal("还有点痒", roundTrip.AddedText);
    }

    [Fact]
    public void Serialize_EveryFreeTextField_IsSealed()
    {
        var bodies = Bodies("k1", ("k1", Key1));
        const string Words = "医生自己写的话";
        string[] payloads =
        [
            bodies.Serialize(new CaseAnswered([new QuestionAnswer("age", Words)], Words, null)),
            bodies.Serialize(new VisitMessage(VisitMessage.Physician, Words)),
            bodies.Serialize(new VisitCompleted("doc-1", Words, Domain.Classification.Disposition.Online, Domain.Classification.Specialty.Dermatology)),
            bodies.Serialize(new VisitTerminated("doc-1", "emergency", Words)),
            bodies.Serialize(new AlertAcknowledged("doc-1", Words, 1)),
            bodies.Serialize(new VisitHandedBack("doc-1", Words)),
            bodies.Serialize(new PrescriptionSigned("doc-1", [new PrescriptionItem(Words, "topical_steroid", Words)], "sig", true, true)),
            bodies.Serialize(new CaseAssessed(DecisionWithEvidence(Words))),
        ];

        Assert.All(payloads, p => Assert.DoesNotContain(Words, p, StringComparison.Ordinal));
        Assert.All(payloads, p => Assert.Contains("\"aesgcm\"", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Seal_SameTextTwice_GivesDifferentCiphertext()
    {
        var bodies = Bodies("k1", ("k1", Key1));
        Assert.NotEqual(bodies.Serialize(Opened()), bodies.Serialize(Opened()));
    }

    [Fact]
    public void Rotation_OldTextOpensUnderItsKey_NewTextIsSealedUnderTheCurrentOne()
    {
        var before = Bodies("k1", ("k1", Key1)).Serialize(Opened());
        var rotated = Bodies("k2", ("k1", Key1), ("k2", Key2));

        Assert.Equal(Complaint, rotated.Deserialize<CaseOpened>(before).Complaint);
        var after = rotated.Serialize(Opened());
        Assert.Equal("k2", JsonDocument.Parse(after).RootElement.GetProperty("complaint").GetProperty("key").GetString());
        Assert.Equal(Complaint, Bodies("k2", ("k2", Key2)).Deserialize<CaseOpened>(after).Complaint);
    }

    [Fact]
    public void Deserialize_KeyDroppedFromTheRing_FailsNamingTheKeyNotTheText()
    {
        var before = Bodies("k1", ("k1", Key1)).Serialize(Opened());

        var e = Assert.Throws<SealedTextException>(() => Bodies("k2", ("k2", Key2)).Deserialize<CaseOpened>(before));
        Assert.Contains("'k1'", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("湿疹", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_CiphertextAlteredOrRelabelled_IsInvalidData()
    {
        var payload = Bodies("k1", ("k1", Key1)).Serialize(Opened());
        var sealedText = JsonDocument.Parse(payload).RootElement.GetProperty("complaint").GetProperty("aesgcm").GetString()!;
        var bytes = Convert.FromBase64String(sealedText);
        bytes[20] ^= 1;
        var altered = payload.Replace(sealedText, Convert.ToBase64String(bytes), StringComparison.Ordinal);
        var both = Bodies("k1", ("k1", Key1), ("k2", Key1));

        Assert.Throws<InvalidDataException>(() => both.Deserialize<CaseOpened>(altered));
        // The key id is bound to the ciphertext: the same key under another id does not open it.
        Assert.Throws<InvalidDataException>(() => both.Deserialize<CaseOpened>(payload.Replace("\"key\":\"k1\"", "\"key\":\"k2\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void Deserialize_PlainTextWrittenBeforeSealing_ReadsAsWritten()
    {
        var legacy = CaseJson.Serialize(Opened());

        Assert.Contains("湿疹", legacy, StringComparison.Ordinal);
        Assert.Equal(Opened(), Bodies("k1", ("k1", Key1)).Deserialize<CaseOpened>(legacy));
    }

    [Fact]
    public void Ring_BadConfiguration_IsRefusedNamingTheSetting()
    {
        Assert.Contains("32 bytes", Assert.Throws<InvalidOperationException>(() => new JournalKeyRing(new Dictionary<string, byte[]> { ["k1"] = new byte[16] }, "k1")).Message, StringComparison.Ordinal);
        Assert.Contains("Journal:CurrentKey", Assert.Throws<InvalidOperationException>(() => new JournalKeyRing(new Dictionary<string, byte[]> { ["k1"] = Key1 }, "k9")).Message, StringComparison.Ordinal);
        Assert.Contains("Journal:Keys", Assert.Throws<InvalidOperationException>(() => new JournalKeyRing(new Dictionary<string, byte[]> { ["../k"] = Key1 }, "../k")).Message, StringComparison.Ordinal);
        var two = new JournalOptions { Keys = { ["a"] = Convert.ToBase64String(Key1), ["b"] = Convert.ToBase64String(Key2) } };
        Assert.Contains("Journal:CurrentKey", Assert.Throws<InvalidOperationException>(() => two.Ring("/tmp/unused/triage.db")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_NoKeyConfigured_MakesOneOwnerOnlyKeyFileOnceAndKeepsIt()
    {
        var folder = Path.Combine(Path.GetTempPath(), "triage-keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            var database = Path.Combine(folder, "triage.db");
            var first = new SealedEventBodies(new JournalOptions().Ring(database));
            var payload = first.Serialize(Opened());

            Assert.Equal(JournalOptions.DefaultKeyId, first.Ring.CurrentKeyId);
            Assert.Equal(Complaint, new SealedEventBodies(new JournalOptions().Ring(database)).Deserialize<CaseOpened>(payload).Complaint);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "journal.key")));
                // Made before the database, the folder is already owner-only.
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static DecisionRecord DecisionWithEvidence(string words) => new()
    {
        Disposition = Domain.Classification.Disposition.Emergency,
        Specialty = Domain.Classification.Specialty.Other,
        Urgency = Domain.Decision.Urgency.Immediate,
        RedFlags = [new RedFlagRecord { Tag = Domain.RedFlags.RedFlagTag.Seizure, Start = 0, Length = words.Length, Evidence = words }],
        Reasons = [],
        Questions = [],
        NextStep = new LocalizedTextRecord("go_now", "立即就医", "Go now"),
        DispositionProbabilities = System.Collections.Immutable.ImmutableDictionary<Domain.Classification.Disposition, double>.Empty,
        SpecialtyProbabilities = System.Collections.Immutable.ImmutableDictionary<Domain.Classification.Specialty, double>.Empty,
        Explanation = [],
        Facts = new FactsRecord(),
        ModelVersion = "test",
        PolicyVersion = "test",
        DecidedAt = DateTimeOffset.UnixEpoch,
    };
}
