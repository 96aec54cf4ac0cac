using NodaTime;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Appointments.Domain;

/// <summary>Where a practice group sees patients, with the IANA time zone its wall clock keeps.</summary>
internal sealed class Location
{
    private Location()
    {
    }

    public Guid Id { get; private set; }
    public Guid PracticeGroupId { get; private set; }
    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string TimeZoneId { get; private set; } = "";

    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[TimeZoneId];

    public static Result<Location> Create(Guid practiceGroupId, string name, string address, string timeZoneId)
    {
        var location = new Location { Id = Guid.CreateVersion7(), PracticeGroupId = practiceGroupId };
        var changed = location.Change(name, address, timeZoneId);
        return changed.IsSuccess ? location : changed.Error!;
    }

    public Result Change(string name, string address, string timeZoneId)
    {
        // The tz database's own id ("Australia/Sydney"), not a Windows name or an offset, and one NodaTime knows.
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId.Trim()) is null)
        {
            return AppointmentErrors.InvalidTimeZone;
        }

        Name = name.Trim();
        Address = address.Trim();
        TimeZoneId = DateTimeZoneProviders.Tzdb[timeZoneId.Trim()].Id;
        return Result.Success();
    }
}
