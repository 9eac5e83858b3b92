using Triage.Grains.Hosting;
using Triage.Grains.Journal;

namespace Triage.Grains.Tests.Storage;

/// <summary>Where the checkpoint key comes from: configuration, a key file, or a key the embedded default makes for itself.</summary>
public sealed class AuditOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("triage-audit-key-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Signer_NoKeyConfigured_CreatesAnOwnerOnlyKeyFileOnce()
    {
        var database = Path.Combine(_folder, "triage.db");

        var first = new AuditOptions().Signer(database);
        var second = new AuditOptions().Signer(database);

        var file = Path.Combine(_folder, "checkpoint.key");
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var checkpoint = first.Sign(7, new string('a', 64), DateTimeOffset.UnixEpoch);
        Assert.True(second.Verify(checkpoint));
    }

    [Fact]
    public void Signer_ConfiguredKey_SignsWithIt_AndAnotherKeyDoesNotVerify()
    {
        var key = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        var configured = new AuditOptions { CheckpointKey = key }.Signer(Path.Combine(_folder, "triage.db"));

        var checkpoint = configured.Sign(3, new string('b', 64), DateTimeOffset.UnixEpoch);

        Assert.True(new CheckpointSigner(Convert.FromBase64String(key)).Verify(checkpoint));
        // Another key (the one the default makes for itself) does not verify it.
        Assert.False(new AuditOptions().Signer(Path.Combine(_folder, "other.db")).Verify(checkpoint));
    }

    [Fact]
    public void Signer_KeyFileMissingOrKeyNotBase64_RefusesToStartNamingTheSetting()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => new AuditOptions { CheckpointKeyFile = Path.Combine(_folder, "none.key") }.Signer(Path.Combine(_folder, "triage.db")));
        var garbled = Assert.Throws<InvalidOperationException>(() => new AuditOptions { CheckpointKey = "not base64!" }.Signer(Path.Combine(_folder, "triage.db")));

        Assert.StartsWith("Audit:CheckpointKeyFile", missing.Message);
        Assert.StartsWith("Audit:CheckpointKey", garbled.Message);
    }
}
