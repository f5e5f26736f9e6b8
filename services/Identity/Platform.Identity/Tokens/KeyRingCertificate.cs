using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Platform.Identity.Tokens;

/// <summary>
/// The certificate that encrypts the Data Protection key ring at rest. The ring lives in the identity database, which
/// backups and database administrators see; encrypted with a key kept beside the signing keys (a Kubernetes Secret in
/// production), a copy of the database alone cannot forge sign-in cookies or anti-forgery tokens.
/// </summary>
internal static class KeyRingCertificate
{
    private const string FileName = "keyring.pem";

    /// <summary>Loads the certificate stored in <paramref name="directory"/>, creating a self-signed one on first start.</summary>
    public static X509Certificate2 LoadOrCreate(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            using var rsa = RSA.Create(3072);
            var request = new CertificateRequest("CN=gongzhi identity key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment, critical: true));
            // Only used to wrap keys, never presented to anyone, so its validity only needs to outlast every key it wraps.
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
            SigningKeys.WritePrivately(path, created.ExportCertificatePem() + "\n" + rsa.ExportRSAPrivateKeyPem());
        }

        var pem = File.ReadAllText(path);
        return X509Certificate2.CreateFromPem(pem, pem);
    }
}
