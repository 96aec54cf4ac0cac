using Microsoft.EntityFrameworkCore;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Domain;
using Portal.Modules.Identity.Contracts;

namespace Portal.Modules.Appointments.Features.Shared;

/// <summary>An appointment with what its emails and calendar entry name: its location (and zone), its type and its practitioner.</summary>
internal sealed record AppointmentFacts(Appointment Appointment, Location Location, AppointmentType Type, string PractitionerName)
{
    public static async Task<AppointmentFacts> LoadAsync(AppointmentsDbContext db, IIdentityApi identity, Appointment appointment, CancellationToken cancellationToken)
    {
        var location = await db.Locations.AsNoTracking().SingleAsync(l => l.Id == appointment.LocationId, cancellationToken);
        var type = await db.AppointmentTypes.AsNoTracking().SingleAsync(t => t.Id == appointment.AppointmentTypeId, cancellationToken);
        var practitioner = (await identity.GetPractitionersAsync(appointment.PracticeGroupId, cancellationToken))
            .SingleOrDefault(p => p.UserId == appointment.PractitionerId);
        return new AppointmentFacts(appointment, location, type, practitioner?.Name ?? "your practitioner");
    }
}
