using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Portal.Web.Server.Session;

/// <summary>
/// A secret a form must carry to its next step without showing it (the password between sign-in and its two-factor
/// code, or between two-factor setup and turning it on): encrypted with the Host's Data Protection key ring and valid
/// for five minutes, so the page holds an opaque value, never the password in clear.
/// </summary>
public sealed class ProtectedField(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    // The purpose keeps the name it had in the patients' app: a value protected before the move still reads after it.
    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("Portal.Web.Patient.ProtectedField.v1").ToTimeLimitedDataProtector();

    public string Protect<T>(string purpose, T value) =>
        _protector.CreateProtector(purpose).Protect(JsonSerializer.Serialize(value), clock.GetUtcNow() + Lifetime);

    /// <summary>The value, or default when it was tampered with, made for another purpose, or is older than five minutes.</summary>
    public T? Unprotect<T>(string purpose, string? protectedValue)
    {
        if (string.IsNullOrEmpty(protectedValue))
        {
            return default;
        }

        try
        {
            var json = _protector.CreateProtector(purpose).Unprotect(protectedValue, out var expiration);
            return expiration >= clock.GetUtcNow() ? JsonSerializer.Deserialize<T>(json) : default;
        }
        catch (CryptographicException)
        {
            return default;
        }
    }
}
