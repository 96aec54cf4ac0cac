namespace Portal.Modules.Identity.Domain;

/// <summary>A clinic and its practitioners: the tenant every practice-side record belongs to.</summary>
internal sealed class PracticeGroup
{
    public const string DefaultTimeZone = "Australia/Sydney";

    public Guid Id { get; init; }
    public string Name { get; private set; } = string.Empty;
    public string TimeZone { get; private set; } = DefaultTimeZone;
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>A new practice (the installation's first one, or a demo practice), in its IANA time zone.</summary>
    public static PracticeGroup New(Guid id, string name, string timeZone, DateTimeOffset now) => new()
    {
        Id = id,
        Name = name,
        TimeZone = timeZone,
        CreatedAt = now,
    };
}
