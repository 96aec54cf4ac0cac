using Portal.Modules.Appointments.Domain;

namespace Portal.Modules.Appointments.Features;

/// <summary>A location as the API shows it; <c>timeZone</c> is its IANA id.</summary>
public sealed record LocationResponse(Guid Id, string Name, string Address, string TimeZone)
{
    internal static LocationResponse From(Location location) => new(location.Id, location.Name, location.Address, location.TimeZoneId);
}

public sealed record LocationBody(string? Name, string? Address, string? TimeZone);
