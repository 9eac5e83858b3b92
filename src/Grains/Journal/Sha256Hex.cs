using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Triage.Grains.Journal;

/// <summary>
/// SHA-256, in lower-case hex, of text fields joined by line feeds in UTF-8: the one form the journal's
/// and the ledger's hashes are taken over. The bytes are encoded into a pooled buffer instead of
/// building the joined string and its UTF-8 copy (two allocations the size of an event body, twice per case).
/// </summary>
internal static class Sha256Hex
{
    public static string OfLines(params ReadOnlySpan<string> lines)
    {
        var length = Math.Max(0, lines.Length - 1);
        foreach (var line in lines)
        {
            length += Encoding.UTF8.GetByteCount(line);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = 0;
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    buffer[written++] = (byte)'\n';
                }

                written += Encoding.UTF8.GetBytes(lines[i], buffer.AsSpan(written));
            }

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, written), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
