using Microsoft.EntityFrameworkCore;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Domain;
using Portal.Modules.Identity.Contracts;

namespace Portal.Modules.Appointments.Features.Shared;

/// <summary>Turns a page of appointments into answers with their names: one read each for types, locations and practitioners.</summary>
internal sealed class AppointmentViews(AppointmentsDbContext db, IIdentityApi identity, PracticeBookingRules bookingRules)
{
    public async Task<IReadOnlyList<AppointmentResponse>> ForAsync(Guid practiceGroupId, IReadOnlyList<Appointment> appointments, CancellationToken cancellationToken)
    {
        if (appointments.Count == 0)
        {
            return [];
        }

        var typeIds = appointments.Select(a => a.AppointmentTypeId).Distinct().ToList();
        var locationIds = appointments.Select(a => a.LocationId).Distinct().ToList();
        var types = await db.AppointmentTypes.AsNoTracking().Where(t => typeIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        var practitioners = (await identity.GetPractitionersAsync(practiceGroupId, cancellationToken)).ToDictionary(p => p.UserId, p => p.Name);
        var rules = await bookingRules.ForAsync(practiceGroupId, cancellationToken);
        return appointments.Select(a => AppointmentResponse.From(a, practitioners.GetValueOrDefault(a.PractitionerId, "A former practitioner"),
            types[a.AppointmentTypeId], locations[a.LocationId], rules)).ToList();
    }

    public async Task<AppointmentResponse> ForAsync(Appointment appointment, CancellationToken cancellationToken) =>
        (await ForAsync(appointment.PracticeGroupId, [appointment], cancellationToken))[0];
}
