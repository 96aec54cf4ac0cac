using Microsoft.AspNetCore.Http;
using Portal.Modules.Funding.Data;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;
using Portal.Shared.Messaging;

namespace Portal.Modules.Funding.Features.Shared;

/// <summary>
/// A practitioner's read of a patient's funding details goes to the patient's access log (PatientProfile keeps it,
/// told through this module's outbox). Changes are logged by PatientProfile itself, which versions them.
/// </summary>
internal sealed class FundingAccessLog(FundingDbContext db, ICurrentUser currentUser, IHttpContextAccessor http, TimeProvider clock)
{
    public async Task ViewedAsync(Guid patientId, Guid practiceGroupId, CancellationToken cancellationToken)
    {
        db.Publish(new PatientRecordAccessed(Guid.CreateVersion7(), clock.GetUtcNow(), patientId, practiceGroupId, currentUser.UserId,
            currentUser.Name, PatientAccessAction.Viewed, AccessLogSubject.Funding, RemoteAddress.Of(http.HttpContext)));
        await db.SaveChangesAsync(cancellationToken);   // a query: the unit of work saves nothing for it
    }
}
