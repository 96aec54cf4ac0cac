using System.Globalization;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Features.Shared;
using Portal.Shared.Abstractions;

namespace Portal.Modules.PatientProfile.Features;

public sealed class ListPatientsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/practice/patients", async (string? search, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListPatients(search, Paging.From(page, pageSize)), ct)))
            .RequireAuthorization(Policies.Practitioner)
            .WithTags("Patients")
            .WithSummary("The practice's patients, sorted by name; search by name, email or date of birth (YYYY-MM-DD)")
            .Produces<PagedList<PatientListItem>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}

public sealed record ListPatients(string? Search, Paging Paging) : IQuery<PagedList<PatientListItem>>;

internal sealed class ListPatientsHandler(PatientProfileDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListPatients, PagedList<PatientListItem>>
{
    public async ValueTask<PagedList<PatientListItem>> Handle(ListPatients query, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var patients = db.Patients.AsNoTracking().Where(p => p.PracticeGroupId == groupId);

        // Every word must match: a date of birth exactly, or the start of a name or of the email.
        foreach (var term in (query.Search ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5))
        {
            if (DateOnly.TryParseExact(term, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateOfBirth))
            {
                patients = patients.Where(p => p.DateOfBirth == dateOfBirth);
                continue;
            }

            var prefix = EscapeLike(term) + "%";
            patients = patients.Where(p =>
                EF.Functions.Like(p.FamilyName, prefix, "\\")
                || EF.Functions.Like(p.GivenName, prefix, "\\")
                || (p.PreferredName != null && EF.Functions.Like(p.PreferredName, prefix, "\\"))
                || (p.Email != null && EF.Functions.Like(p.Email, prefix, "\\")));
        }

        var total = await patients.CountAsync(cancellationToken);
        var items = await patients
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
            .Skip(query.Paging.Skip).Take(query.Paging.PageSize)
            .Select(p => new PatientListItem(p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Email, p.PortalStatus))
            .ToListAsync(cancellationToken);
        return new PagedList<PatientListItem>(items, total);
    }

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
