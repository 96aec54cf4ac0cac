using System.Security.Cryptography;

namespace Portal.Web.Server.Api;

/// <summary>
/// How the API recognises the in-process web front end: a key made at start-up that only this process knows. A call of
/// the front end carries it in <see cref="KeyHeader"/>, and only such a call (from loopback) may say whose request it
/// makes (<c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c>); a browser's own forwarded headers are never believed
/// (docs/decisions/0013-server-rendered-web-apps-and-cookie-sessions.md).
/// </summary>
public sealed class WebFrontEnd
{
    public const string KeyHeader = "X-Portal-Front-End";

    public string Key { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether <paramref name="presented"/> is this process's key (in constant time).</summary>
    public bool IsKey(string? presented) =>
        presented is { Length: > 0 }
        && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(presented), System.Text.Encoding.ASCII.GetBytes(Key));
}
