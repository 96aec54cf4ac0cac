namespace Portal.Modules.Identity.Domain;

/// <summary>A clinic and its practitioners: the tenant every practice-side record belongs to.</summary>
internal sealed class PracticeGroup
{
    public Guid Id { get; init; }
    public string Name { get; set; } = string.Empty;
    public string TimeZone { get; set; } = "Australia/Sydney";
    public DateTimeOffset CreatedAt { get; init; }
}
