using System.Security.Cryptography;
using System.Text;
using Triage.Grains.Journal;

namespace Triage.Grains.Tests.Journal;

/// <summary>
/// The hashes stored journals are verified against: SHA-256 of the fields joined by line feeds, in
/// UTF-8. A change to how they are computed must never change what they are.
/// </summary>
public sealed class HashChainTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 1, 8, 30, 0, 123, TimeSpan.FromHours(8));

    private static string Reference(params string[] fields) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', fields))));

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"complaint\":\"宝宝发烧三天 🙁\\n第二行\"}")]
    [InlineData("")]
    public void Compute_IsSha256OfTheFieldsJoinedByLineFeeds(string payload)
    {
        var previous = Reference("earlier");

        var hash = HashChain.Compute(previous, 12, "assessed", At, "app-a", payload);

        Assert.Equal(Reference(previous, "12", "assessed", "2026-06-01T00:30:00.1230000+00:00", "app-a", payload), hash);
    }

    [Fact]
    public void LedgerCompute_IsSha256OfTheFieldsJoinedByLineFeeds()
    {
        var journal = Guid.Parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
        var entry = Reference("entry");

        Assert.Equal(
            Reference(Ledger.Genesis, "0190a1b2c3d47e5f8a9b0c1d2e3f4a5b", "3", entry),
            Ledger.Compute(Ledger.Genesis, journal, 3, entry));
    }
}
