using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Portal.Testing;

/// <summary>A self-signed PFX for the key ring of a Host outside Development, one per data directory (kept across restarts).</summary>
public static class TestCertificate
{
    public const string Password = "test key ring";

    public static string KeyRingCertificateIn(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "key-ring.pfx");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataDirectory);
            File.WriteAllBytes(path, CreatePfx("CN=Portal test key ring", Password));
        }

        return path;
    }

    public static byte[] CreatePfx(string subject, string? password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.Export(X509ContentType.Pfx, password);
    }
}
