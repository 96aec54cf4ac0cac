using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Portal.Host.Infrastructure;

/// <summary>
/// Outside Development the Host refuses to start on settings that would put people's data at risk, and says why:
/// a key ring (which signs every access and refresh token) stored unencrypted, or a first practice admin created
/// with a password published in the sample configuration.
/// </summary>
internal static class StartupSafety
{
    public const string CertificatePathSetting = "DataProtection:CertificatePath";
    public const string CertificatePasswordSetting = "DataProtection:CertificatePassword";
    public const string BootstrapPasswordSetting = "Bootstrap:AdminPassword";

    /// <summary>Passwords published with Portal (samples and the demo data): anyone could sign in with them.</summary>
    private static readonly string[] PublishedPasswords = ["Change-me-on-first-sign-in", "Portal-Demo-2026!"];

    public static IReadOnlyList<string> ProblemsOf(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return [];
        }

        var problems = new List<string>();
        if (configuration[CertificatePathSetting] is not { Length: > 0 } certificatePath)
        {
            problems.Add($"{CertificatePathSetting} is not set: the key ring that signs every sign-in token would be stored unencrypted. "
                         + $"Set it to a PFX certificate with a private key (the same on every instance) and {CertificatePasswordSetting} to its password.");
        }
        else if (CertificateProblem(certificatePath, configuration[CertificatePasswordSetting]) is { } problem)
        {
            problems.Add(problem);
        }

        if (configuration[BootstrapPasswordSetting] is { Length: > 0 } password
            && PublishedPasswords.Contains(password.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{BootstrapPasswordSetting} is a published sample password that anyone could sign in with. "
                         + "Set a password of your own (at least 12 characters), or remove the setting once the first practice exists.");
        }

        return problems;
    }

    private static string? CertificateProblem(string path, string? password)
    {
        if (!File.Exists(path))
        {
            return $"{CertificatePathSetting} names {path}, which does not exist (or cannot be read by this process).";
        }

        try
        {
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey
                ? null
                : $"The certificate at {path} ({CertificatePathSetting}) has no private key: the key ring could not be decrypted.";
        }
        catch (CryptographicException)
        {
            return $"The certificate at {path} ({CertificatePathSetting}) cannot be opened: it is not a PFX file, or {CertificatePasswordSetting} is wrong.";
        }
    }

    /// <summary>
    /// With problems, builds a Host of nothing but logging (none of Portal is registered, so nothing touches the data
    /// or the key ring), logs each problem as critical, and tells the caller to exit with a non-zero code.
    /// </summary>
    public static bool RefusesToStart(WebApplicationBuilder builder)
    {
        var problems = ProblemsOf(builder.Configuration, builder.Environment);
        if (problems.Count == 0)
        {
            return false;
        }

        using var refused = builder.Build();
        var logger = refused.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Portal.Host.Startup");
        foreach (var problem in problems)
        {
            logger.LogCritical("Portal will not start in {Environment}: {Problem}", builder.Environment.EnvironmentName, problem);
        }

        return true;
    }
}
