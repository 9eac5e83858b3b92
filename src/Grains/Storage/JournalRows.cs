using System.Data.Common;
using System.Globalization;
using Triage.Grains.Journal;

namespace Triage.Grains.Storage;

/// <summary>
/// Reading the journal and ledger tables' rows, the same in both stores: the columns are alike, only
/// a journal's key differs in type (hex text in SQLite, <c>uuid</c> in PostgreSQL).
/// </summary>
public static class JournalRows
{
    /// <summary>The columns an entry is read from, in <see cref="ReadEntry"/>'s order.</summary>
    public const string EntryColumns = "seq, type, occurred_at, actor, payload, prev_hash, hash";

    /// <summary>An entry from the columns <see cref="EntryColumns"/> starting at <paramref name="first"/>.</summary>
    public static JournalEntry ReadEntry(DbDataReader reader, int first)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new(
            reader.GetInt64(first),
            reader.GetString(first + 1),
            DateTimeOffset.Parse(reader.GetString(first + 2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            reader.GetString(first + 3),
            reader.GetString(first + 4),
            reader.GetString(first + 5),
            reader.GetString(first + 6));
    }

    /// <summary>A journal's key in column <paramref name="ordinal"/>, whichever store it comes from.</summary>
    public static Guid ReadKey(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.GetFieldType(ordinal) == typeof(Guid) ? reader.GetGuid(ordinal) : Guid.ParseExact(reader.GetString(ordinal), "N");
    }
}
