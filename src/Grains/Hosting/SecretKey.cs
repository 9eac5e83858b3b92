using System.Security.Cryptography;
using System.Text;

namespace Triage.Grains.Hosting;

/// <summary>
/// A secret key from configuration (base64), from a key file, or, when neither is set, from a file
/// the embedded default makes once beside the database, readable by its owner only. A hospital
/// configures a key held elsewhere (a secret store): whoever can read the database must not be able to read it.
/// </summary>
public static class SecretKey
{
    /// <summary>The key: <paramref name="base64"/> if set, else the file <paramref name="file"/> if set (it must exist), else <paramref name="defaultFile"/>, made if missing.</summary>
    /// <param name="base64">The configured key, base64, or empty.</param>
    /// <param name="file">The configured key file, or empty.</param>
    /// <param name="defaultFile">Where the embedded default keeps its own key.</param>
    /// <param name="setting">The settings' name, for errors (<c>Audit:CheckpointKey</c>).</param>
    public static byte[] Load(string base64, string file, string defaultFile, string setting)
    {
        if (base64.Length > 0)
        {
            return Decode(base64, setting);
        }

        if (file.Length > 0 && !File.Exists(file))
        {
            throw new InvalidOperationException($"{setting}File: the configured key file does not exist");
        }

        var path = file.Length > 0 ? file : defaultFile;
        if (!File.Exists(path))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else if (!Directory.Exists(folder))
            {
                // The folder the database also lives in: only the service's own user may enter it.
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                // Readable by the service's own user only, from the moment it exists.
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(path, create);
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        }

        return Decode(File.ReadAllText(path).Trim(), setting + "File");
    }

    private static byte[] Decode(string base64, string setting)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{setting}: not base64");
        }
    }
}
