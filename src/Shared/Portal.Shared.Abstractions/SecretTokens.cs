using System.Security.Cryptography;

namespace Portal.Shared.Abstractions;

/// <summary>
/// Bearer secrets handed to a client once (refresh tokens, invitation links): 256 random bits, URL-safe, and
/// kept at rest only as their SHA-256 hash.
/// </summary>
public static class SecretTokens
{
    public static string New() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// The hash to look a token a client presents up by, or null when it cannot be one this system issued (blank, or
    /// longer than any it issues): such a token is "not found" without a query.
    /// </summary>
    public static string? HashOfPresented(string? token) =>
        string.IsNullOrWhiteSpace(token) || token.Length > MaxPresentedLength ? null : Hash(token);

    /// <summary>Issued tokens are 43 characters; a link's token is accepted up to this length, never more.</summary>
    private const int MaxPresentedLength = 100;
}
