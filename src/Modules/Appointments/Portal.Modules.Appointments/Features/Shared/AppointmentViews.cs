using Microsoft.EntityFrameworkCore;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Domain;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;

namespace Portal.Modules.Appointments.Features.Shared;

/// <summary>Turns a page of appointments into answers with their names: one read each for types, locations and practitioners.</summary>
internal sealed class AppointmentViews(AppointmentsDbContext db, IIdentityApi identity, IPatientDirectory patients, PracticeBookingRules bookingRules)
{
    /// <summary>The same answers with each patient's name, as the practice reads them: one read of the patients.</summary>
    public async Task<IReadOnlyList<AppointmentResponse>> WithPatientNamesAsync(
        Guid practiceGroupId, IReadOnlyList<AppointmentResponse> answers, CancellationToken cancellationToken)
    {
        if (answers.Count == 0)
        {
            return answers;
        }

        var names = (await patients.FindManyAsync(practiceGroupId, answers.Select(a => a.PatientId).Distinct().ToList(), cancellationToken))
            .ToDictionary(p => p.PatientId, p => $"{p.GivenName} {p.FamilyName}");
        return answers.Select(a => a with { Patient = new NamedRef(a.PatientId, names.GetValueOrDefault(a.PatientId, "A removed patient record")) }).ToList();
    }

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
