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
}
