using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GiBot.Load;

/// <summary>
/// A throw-away CA and a certificate it issued for 127.0.0.1/localhost, so the bot reaches the fake
/// cloud over real HTTPS. <see cref="BundlePath"/> holds the CA as PEM, for the bot's <c>SSL_CERT_FILE</c>.
/// </summary>
public sealed class BenchPki : IDisposable
{
    private BenchPki(X509Certificate2 serverCertificate, string bundlePath)
    {
        ServerCertificate = serverCertificate;
        BundlePath = bundlePath;
    }

    public X509Certificate2 ServerCertificate { get; }

    public string BundlePath { get; }

    public static BenchPki Create(string directory)
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=GiBot Load Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var authority = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));

        using var serverKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        using var issued = request.Create(authority, now.AddDays(-1), now.AddDays(1), RandomNumberGenerator.GetBytes(8));
        using var withKey = issued.CopyWithPrivateKey(serverKey);
        // A PFX round trip gives a certificate whose private key SslStream can use.
        var server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);

        var bundlePath = Path.Combine(directory, "bench-ca.pem");
        File.WriteAllText(bundlePath, authority.ExportCertificatePem() + "\n");
        return new BenchPki(server, bundlePath);
    }

    public void Dispose() => ServerCertificate.Dispose();
}
