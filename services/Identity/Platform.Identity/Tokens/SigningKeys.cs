using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Identity.Tokens;

/// <summary>
/// RSA keys kept as PEM files, created on first use. Persisting them means a restart neither invalidates the
/// tokens in circulation nor changes the keys that services have cached from the discovery document.
/// </summary>
internal static class SigningKeys
{
    private const int KeySize = 2048;

    /// <summary>Loads the key stored under <paramref name="name"/>, creating it if it does not exist yet.</summary>
    public static RsaSecurityKey LoadOrCreate(string directory, string name)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".pem");
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            rsa.KeySize = KeySize;
            WritePrivately(path, rsa.ExportRSAPrivateKeyPem());
        }

        // A stable key id lets services match tokens to keys across restarts.
        var keyId = Convert.ToHexStringLower(SHA256.HashData(rsa.ExportRSAPublicKey()))[..16];
        return new RsaSecurityKey(rsa) { KeyId = keyId };
    }

    /// <summary>Writes <paramref name="pem"/> to a new file only its owner may read, all at once or not at all.</summary>
    internal static void WritePrivately(string path, string pem)
    {
        // Written to a temporary file first so that a crash never leaves a half-written key behind.
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
        {
            writer.Write(pem);
        }

        File.Move(temporary, path, overwrite: false);
    }
}
