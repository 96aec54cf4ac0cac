namespace Portal.Web.Components;

/// <summary>Funding identifiers as the cards print them, for both apps: Medicare <c>2123 45670 1</c>, IHI <c>8003 6081 6669 0503</c>.</summary>
public static class CardNumbers
{
    public static string Medicare(string? number) => Grouped(number, 4, 5, 1);

    public static string Ihi(string? ihi) => Grouped(ihi, 4, 4, 4, 4);

    /// <summary>The digits in groups of the given lengths; anything else (another length, not digits) as it is.</summary>
    public static string Grouped(string? number, params int[] groups)
    {
        if (number is null || number.Length != groups.Sum() || !number.All(char.IsAsciiDigit))
        {
            return number ?? "";
        }

        var parts = new List<string>();
        var at = 0;
        foreach (var length in groups)
        {
            parts.Add(number.Substring(at, length));
            at += length;
        }

        return string.Join(' ', parts);
    }
}
