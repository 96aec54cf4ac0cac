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
using Portal.Shared.Http;

namespace Portal.Modules.PatientProfile.Features;

public sealed class ListPatientsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Patients").MapGet("/patients", async (string? search, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListPatients(search, Paging.From(page, pageSize)), ct)))
            .WithSummary("The practice's patients, sorted by name; search by name, email, date of birth (1984-11-03 or 03/11/1984) or mobile phone (any format: 0412 345 678, +61412345678)")
            .Produces<PagedList<PatientListItem>>();
}

public sealed record ListPatients(string? Search, Paging Paging) : IQuery<PagedList<PatientListItem>>;

internal sealed class ListPatientsHandler(PatientProfileDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListPatients, PagedList<PatientListItem>>
{
    public async ValueTask<PagedList<PatientListItem>> Handle(ListPatients query, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var search = (query.Search ?? string.Empty).Trim();
        if (search.Length == 0)
        {
            return new PagedList<PatientListItem>(
                await AllPatientsPageQuery(db, groupId, query.Paging.Skip, query.Paging.PageSize).ToListAsync(cancellationToken),
                await AllPatientsCountQuery(db, groupId, cancellationToken));
        }

        var patients = db.Patients.AsNoTracking().Where(p => p.PracticeGroupId == groupId);
        if (PatientSearch.PhoneNumber(search) is { } phone)
        {
            patients = patients.Where(p => p.MobilePhone == phone);
        }
        else
        {
            // Every word must match: a date of birth exactly, or the start of a name or of the email.
            foreach (var term in search.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5))
            {
                if (PatientSearch.DateOfBirth(term) is { } dateOfBirth)
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
        }

        var total = await patients.CountAsync(cancellationToken);
        var items = await patients
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
            .Skip(query.Paging.Skip).Take(query.Paging.PageSize)
            .Select(p => new PatientListItem(p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Email, p.PortalStatus))
            .ToListAsync(cancellationToken);
        return new PagedList<PatientListItem>(items, total);
    }

    // The list as the patients page opens it (no search) is compiled once (docs/decisions/0012); a search builds its query.
    private static readonly Func<PatientProfileDbContext, Guid, CancellationToken, Task<int>> AllPatientsCountQuery =
        EF.CompileAsyncQuery((PatientProfileDbContext db, Guid groupId, CancellationToken _) =>
            db.Patients.Count(p => p.PracticeGroupId == groupId));

    private static readonly Func<PatientProfileDbContext, Guid, int, int, IAsyncEnumerable<PatientListItem>> AllPatientsPageQuery =
        EF.CompileAsyncQuery((PatientProfileDbContext db, Guid groupId, int skip, int take) =>
            db.Patients
                .Where(p => p.PracticeGroupId == groupId)
                .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
                .Skip(skip).Take(take)
                .Select(p => new PatientListItem(p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Email, p.PortalStatus)));

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

/// <summary>What a receptionist types into the patient search, read the way they mean it.</summary>
internal static class PatientSearch
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "d-M-yyyy", "d.M.yyyy"];

    /// <summary>A date of birth, ISO (<c>1984-11-03</c>) or Australian day first (<c>03/11/1984</c>, <c>3-11-1984</c>, <c>3.11.1984</c>).</summary>
    public static DateOnly? DateOfBirth(string term) =>
        DateOnly.TryParseExact(term, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>
    /// The whole search as a phone number, as stored (E.164), however it is written: <c>0412 345 678</c>,
    /// <c>+61412345678</c>, <c>(04) 1234 5678</c>, <c>02 9876-5432</c>. Only digits, spaces, <c>+ ( ) - .</c> and at least
    /// eight digits count, so a date or a name never reads as one.
    /// </summary>
    public static string? PhoneNumber(string search) =>
        search.Count(char.IsAsciiDigit) >= 8 && search.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-' or '.')
            && DateOfBirth(search) is null
            ? PatientRules.ToE164(search)
            : null;
}
