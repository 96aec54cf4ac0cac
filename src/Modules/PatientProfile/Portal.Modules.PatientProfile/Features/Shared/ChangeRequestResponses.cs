using Microsoft.EntityFrameworkCore;
using Portal.Modules.PatientProfile.ChangeRequests;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Shared.Abstractions;

namespace Portal.Modules.PatientProfile.Features.Shared;

/// <summary>A change request as the practice and the patient see it: each field's before and after, and the decision.</summary>
public sealed record ChangeRequestResponse(
    Guid Id,
    Guid PatientId,
    string PatientName,
    RecordPart Subject,
    DateTimeOffset SubmittedAt,
    DateTimeOffset WaitingSince,
    ChangeRequestStatus Status,
    IReadOnlyList<FieldChangeResponse> Changes,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    string? Reason);

internal static class ChangeRequestQueries
{
    public static readonly Error UnknownStatus =
        Error.Validation("validation.failed", "Use status=pending, approved, rejected, superseded or withdrawn.", "status");

    /// <summary>The <c>?status=</c> of a list, any case; none means every status.</summary>
    public static Result<ChangeRequestStatus?> StatusFilter(string? status) =>
        string.IsNullOrEmpty(status) ? (ChangeRequestStatus?)null
        : Enum.GetNames<ChangeRequestStatus>().FirstOrDefault(n => n.Equals(status, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<ChangeRequestStatus>(name)
            : UnknownStatus;

    /// <summary>One page of change requests with their patients' names (one query for the page, one for the total);
    /// oldest first means the longest waiting first.</summary>
    public static async Task<PagedList<ChangeRequestResponse>> PageAsync(
        PatientProfileDbContext db, IQueryable<ChangeRequest> requests, bool oldestFirst, Paging paging, CancellationToken cancellationToken)
    {
        var total = await requests.CountAsync(cancellationToken);
        var ordered = oldestFirst
            ? requests.OrderBy(r => r.WaitingSince).ThenBy(r => r.Id)
            : requests.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id);
        var rows = await ordered
            .Skip(paging.Skip).Take(paging.PageSize)
            .Join(db.Patients, r => r.PatientId, p => p.Id, (r, p) => new { Request = r, p.GivenName, p.FamilyName })
            .ToListAsync(cancellationToken);
        var items = rows.Select(row => From(row.Request, $"{row.GivenName} {row.FamilyName}")).ToList();
        return new PagedList<ChangeRequestResponse>(items, total);
    }

    public static ChangeRequestResponse From(ChangeRequest r, string patientName) =>
        new(r.Id, r.PatientId, patientName, r.Subject, r.SubmittedAt, r.WaitingSince, r.Status, r.Changes.Select(FieldChangeResponse.Of).ToList(), r.DecidedAt, r.DecidedByName, r.Reason);
}
