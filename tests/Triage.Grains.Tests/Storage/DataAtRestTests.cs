using System.Security.Cryptography;
using System.Text;
using Triage.Grains.Patients;
using Triage.Grains.Storage;

namespace Triage.Grains.Tests.Storage;

/// <summary>What is at rest: the database file readable by its owner only, and patient references kept as keyed pseudonyms.</summary>
public sealed class DataAtRestTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "triage-rest-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Database_NewFile_IsReadableByItsOwnerOnly()
    {
        var path = Path.Combine(_folder, "data", "triage.db");
        using var database = new SqliteDatabase(path);
        await using (await database.OpenAsync())
        {
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        }
    }

    [Fact]
    public void Pseudonym_IsKeyed_SoAGuessableReferenceCannotBeRecoveredWithoutTheKey()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var pseudonyms = new PatientPseudonyms(key);

        var pseudonym = pseudonyms.For("app-a", "13800138000");

        Assert.Equal(pseudonym, new PatientPseudonyms(key).For("app-a", "13800138000"));
        Assert.NotEqual(pseudonym, new PatientPseudonyms(RandomNumberGenerator.GetBytes(32)).For("app-a", "13800138000"));
        Assert.NotEqual(pseudonym, pseudonyms.For("app-b", "13800138000"));
        // Not the unkeyed hash an attacker could compute over every phone number.
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("app-a\n13800138000"))), pseudonym);
        Assert.Equal(string.Empty, pseudonyms.For("app-a", null));
        Assert.Throws<ArgumentException>(() => new PatientPseudonyms(new byte[16]));
    }
}
