namespace Portal.Web.Patient.Features.Appointments;

/// <summary>The address of a step: a page and the choices made so far in its query string (empty ones left out).</summary>
public static class Links
{
    public static string To(string page, params (string Name, string? Value)[] choices)
    {
        var query = string.Join("&", choices.Where(c => !string.IsNullOrEmpty(c.Value)).Select(c => $"{c.Name}={Uri.EscapeDataString(c.Value!)}"));
        return query.Length == 0 ? page : $"{page}?{query}";
    }
}
