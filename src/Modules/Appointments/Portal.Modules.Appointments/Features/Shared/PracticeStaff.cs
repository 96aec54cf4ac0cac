using Portal.Modules.Identity.Contracts;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Appointments.Features.Shared;

/// <summary>
/// A practitioner's schedule (hours, time off) is theirs to keep and their practice admins': someone else's, or another
/// group's practitioner, is refused (another group's is not found, as if it did not exist).
/// </summary>
internal sealed class PracticeStaff(IIdentityApi identity, ICurrentUser currentUser)
{
    public static readonly Error PractitionerNotFound = Error.NotFound("appointments.practitioner-not-found", "No such practitioner in your practice.");

    public static readonly Error NotYourSchedule = Error.Forbidden("appointments.not-your-schedule",
        "Only the practitioner and the practice's admins change a practitioner's hours and time off.");

    public async Task<Result<PractitionerInfo>> FindAsync(Guid practiceGroupId, Guid practitionerId, CancellationToken cancellationToken)
    {
        var practitioner = (await identity.GetPractitionersAsync(practiceGroupId, cancellationToken)).SingleOrDefault(p => p.UserId == practitionerId);
        return practitioner is null ? PractitionerNotFound : practitioner;
    }

    public async Task<Result<PractitionerInfo>> ScheduleKeeperAsync(Guid practitionerId, CancellationToken cancellationToken)
    {
        var found = await FindAsync(currentUser.StaffPracticeGroupId, practitionerId, cancellationToken);
        if (found.IsFailure)
        {
            return found;
        }

        return practitionerId == currentUser.UserId || currentUser.IsInRole(Roles.PracticeAdmin) ? found : NotYourSchedule;
    }
}
