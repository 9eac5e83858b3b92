using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Triage.Grains.Journal;

/// <summary>
/// Signs and checks ledger checkpoints with HMAC-SHA256. The key is held outside the database
/// (configuration or a key file), so whoever can write the database cannot sign a rebuilt ledger.
/// </summary>
public sealed class CheckpointSigner
{
    private const int MinKeyBytes = 32;
    private readonly byte[] _key;

    /// <summary>Creates a signer over <paramref name="key"/> (at least 32 bytes).</summary>
    public CheckpointSigner(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key.Length >= MinKeyBytes ? [.. key] : throw new ArgumentException($"the checkpoint key must have at least {MinKeyBytes} bytes", nameof(key));
    }

    /// <summary>The checkpoint of the ledger head at <paramref name="position"/>, signed.</summary>
    public LedgerCheckpoint Sign(long position, string ledgerHash, DateTimeOffset madeAt) =>
        new(position, ledgerHash, madeAt, Mac(position, ledgerHash, madeAt));

    /// <summary>True when <paramref name="checkpoint"/> was signed with this key and not changed since.</summary>
    public bool Verify(LedgerCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var expected = Convert.FromHexString(Mac(checkpoint.Position, checkpoint.LedgerHash, checkpoint.MadeAt));
        return checkpoint.Signature.Length == expected.Length * 2
            && checkpoint.Signature.All(Uri.IsHexDigit)
            && CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(checkpoint.Signature));
    }

    private string Mac(long position, string ledgerHash, DateTimeOffset madeAt)
    {
        var material = string.Join('\n', position.ToString(CultureInfo.InvariantCulture), ledgerHash, HashChain.FormatTime(madeAt));
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(material)));
    }
}
