using Microsoft.EntityFrameworkCore;
using NodaTime;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Domain;

namespace Portal.Modules.Appointments.Features.Shared;

/// <summary>A practitioner's weekly hours at one location of their group, with the location (its zone).</summary>
internal sealed record HoursAtLocation(Location Location, IReadOnlyList<WeeklyHours> Hours)
{
    public SlotSearch Search(IEnumerable<Interval> busy) => new(Location.Zone, Hours, busy);

    /// <summary>Every location where the practitioner keeps hours (or only <paramref name="locationId"/>): two reads.</summary>
    public static async Task<IReadOnlyList<HoursAtLocation>> OfAsync(
        AppointmentsDbContext db, Guid practiceGroupId, Guid practitionerId, Guid? locationId, CancellationToken cancellationToken)
    {
        var rules = await db.AvailabilityRules.AsNoTracking()
            .Where(r => r.PractitionerId == practitionerId && r.PracticeGroupId == practiceGroupId && (locationId == null || r.LocationId == locationId))
            .ToListAsync(cancellationToken);
        var locationIds = rules.Select(r => r.LocationId).Distinct().ToList();
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).ToListAsync(cancellationToken);
        return locations.Select(l => new HoursAtLocation(l, rules.Where(r => r.LocationId == l.Id).Select(r => r.Hours).ToList())).ToList();
    }
}
