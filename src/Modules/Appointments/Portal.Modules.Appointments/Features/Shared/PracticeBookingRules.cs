using Microsoft.EntityFrameworkCore;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Domain;

namespace Portal.Modules.Appointments.Features.Shared;

/// <summary>A practice group's booking rules as saved, or the defaults (one read by primary key; nothing cached, so a saved change applies at once).</summary>
internal sealed class PracticeBookingRules(AppointmentsDbContext db)
{
    public async Task<BookingRules> ForAsync(Guid practiceGroupId, CancellationToken cancellationToken) =>
        await db.BookingSettings.AsNoTracking().Where(s => s.PracticeGroupId == practiceGroupId).Select(s => s.Rules).SingleOrDefaultAsync(cancellationToken)
        ?? BookingRules.Defaults;
}
