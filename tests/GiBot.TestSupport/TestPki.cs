using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GiBot.Tests.Infrastructure;

/// <summary>
/// A throw-away certificate authority and a server certificate it issued for <c>localhost</c> and
/// <c>127.0.0.1</c>. <see cref="BundlePath"/> is a PEM file with the CA, for <c>SSL_CERT_FILE</c>.
/// </summary>
public sealed class TestPki : IDisposable
{
    private readonly string _directory;

    private TestPki(X509Certificate2 authority, X509Certificate2 server, string directory)
    {
        Authority = authority;
        ServerCertificate = server;
        _directory = directory;
        BundlePath = Path.Combine(directory, "test-ca.pem");
        File.WriteAllText(BundlePath, authority.ExportCertificatePem() + "\n");
    }

    public X509Certificate2 Authority { get; }

    /// <summary>The server certificate with its private key, ready for Kestrel.</summary>
    public X509Certificate2 ServerCertificate { get; }

    public string BundlePath { get; }

    public static TestPki Create()
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=GiBot Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var authority = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = serverRequest.Create(authority, now.AddDays(-1), now.AddDays(6), serial);
        using var withKey = issued.CopyWithPrivateKey(serverKey);
        // A PFX round trip gives a certificate whose key SslStream can use on every platform.
        var server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);

        var directory = Path.Combine(Path.GetTempPath(), "gibot-pki-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return new TestPki(X509CertificateLoader.LoadCertificate(authority.RawData), server, directory);
    }

    /// <summary>A handler that trusts this CA only, for in-process clients (the process trust store is not touched).</summary>
    public SocketsHttpHandler CreateTrustingHandler()
    {
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.Add(Authority);
        return new SocketsHttpHandler { SslOptions = { CertificateChainPolicy = policy } };
    }

    public void Dispose()
    {
        Authority.Dispose();
        ServerCertificate.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp directory
        }
    }
}
