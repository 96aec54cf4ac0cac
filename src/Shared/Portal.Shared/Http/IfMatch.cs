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

    /// <summary>
    /// The record version in an optional <c>If-Match</c> header (<c>"3"</c>, as <c>version</c> in the GET): an edit is
    /// then made only on that version. Null without the header; a header that names no version matches none (-1).
    /// </summary>
    public static int? Version(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var value = header.Trim().TrimStart('W', '/').Trim('"');
        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : -1;
    }
}
