using System.Security.Cryptography;
using Triage.Grains.Journal;

namespace Triage.Grains.Tests.Journal;

/// <summary>Sealing with a cipher kept per thread and nonces drawn in blocks: every seal is its own.</summary>
public sealed class JournalKeyRingTests
{
    private static JournalKeyRing Ring(string id = "k1") => new(new Dictionary<string, byte[]> { [id] = RandomNumberGenerator.GetBytes(32) }, id);

    [Fact]
    public void Seal_TheSameTextMoreTimesThanABlockOfNonces_NeverRepeatsANonceAndEachOpens()
    {
        var ring = Ring();
        var seals = Enumerable.Range(0, 300).Select(_ => ring.Seal("宝宝发烧三天")).ToList();

        var nonces = seals.Select(s => Convert.ToHexString(Convert.FromBase64String(s).AsSpan(0, 12))).ToHashSet();
        Assert.Equal(seals.Count, nonces.Count);
        Assert.All(seals, s => Assert.Equal("宝宝发烧三天", ring.Open("k1", s)));
    }

    [Fact]
    public void Seal_TwoRingsOnOneThread_EachSealsUnderItsOwnKey()
    {
        var first = Ring();
        var second = Ring();

        var a = first.Seal("first");
        var b = second.Seal("second");
        var c = first.Seal("first again");

        Assert.Equal("first", first.Open("k1", a));
        Assert.Equal("second", second.Open("k1", b));
        Assert.Equal("first again", first.Open("k1", c));
        Assert.Throws<InvalidDataException>(() => second.Open("k1", a));
    }

    [Fact]
    public void Open_TextSealedUnderTwoKeysInTurn_OpensEachUnderItsOwn()
    {
        var k1 = RandomNumberGenerator.GetBytes(32);
        var k2 = RandomNumberGenerator.GetBytes(32);
        var before = new JournalKeyRing(new Dictionary<string, byte[]> { ["k1"] = k1 }, "k1");
        var rotated = new JournalKeyRing(new Dictionary<string, byte[]> { ["k1"] = k1, ["k2"] = k2 }, "k2");
        var old = before.Seal("旧的");
        var current = rotated.Seal("新的");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("旧的", rotated.Open("k1", old));
            Assert.Equal("新的", rotated.Open("k2", current));
            Assert.Equal("新的", rotated.Open("k2", rotated.Seal("新的")));
        }

        Assert.Throws<InvalidDataException>(() => rotated.Open("k2", old));
    }

    [Fact]
    public async Task Seal_FromManyThreadsAtOnce_EverySealOpens()
    {
        var ring = Ring();
        var texts = Enumerable.Range(0, 2000).Select(i => $"complaint {i} 孩子咳嗽").ToArray();

        var seals = await Task.WhenAll(texts.Select(t => Task.Run(() => ring.Seal(t))));

        Assert.Equal(texts, seals.Select(s => ring.Open("k1", s)));
        Assert.Equal(seals.Length, seals.Select(s => Convert.ToHexString(Convert.FromBase64String(s).AsSpan(0, 12))).Distinct().Count());
    }
}
