using Portal.Modules.Appointments.Domain;

namespace Portal.Modules.Appointments.Features.Shared;

/// <summary>
/// A practice group's booking rules. Every group has the defaults until the practice's booking settings
/// (<c>GET/PUT /api/practice/settings/booking</c>, with ETag and history) are built: the next step of issue 16.
/// </summary>
internal sealed class PracticeBookingRules
{
    public Task<BookingRules> ForAsync(Guid practiceGroupId, CancellationToken cancellationToken) => Task.FromResult(BookingRules.Defaults);
}
