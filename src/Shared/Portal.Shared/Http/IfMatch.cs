namespace Portal.Shared.Http;

/// <summary>The <c>If-Match</c> rule of every settings record saved with an ETag (docs/api-conventions.md).</summary>
public static class IfMatch
{
    /// <summary>No If-Match (or <c>*</c>) accepts any version; otherwise one of the listed ETags must match.</summary>
    public static bool Accepts(string? ifMatch, string currentETag) =>
        string.IsNullOrWhiteSpace(ifMatch)
        || ifMatch.Trim() == "*"
        || ifMatch.Split(',').Select(tag => tag.Trim().Replace("W/", string.Empty, StringComparison.Ordinal))
            .Contains(currentETag, StringComparer.Ordinal);
}
