using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.PortalSettings.Data;
using Portal.Modules.PortalSettings.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.PortalSettings.Features;

public sealed class GetPortalSettingsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Portal settings").MapGet("/settings/portal", async (HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var settings = await sender.Send(new GetPortalSettings(), ct);
                http.Response.Headers.ETag = settings.ETag;
                return TypedResults.Ok(settings);
            })
            .WithSummary("The practice group's patient portal and sharing settings, with an ETag for a later update")
            .Produces<PortalSettingsResponse>();
}

public sealed record GetPortalSettings : IQuery<PortalSettingsResponse>;

internal sealed class GetPortalSettingsHandler(PortalSettingsDbContext db, ICurrentUser currentUser)
    : IQueryHandler<GetPortalSettings, PortalSettingsResponse>
{
    public async ValueTask<PortalSettingsResponse> Handle(GetPortalSettings query, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;   // the practitioner policy guarantees it
        var settings = await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.PracticeGroupId == groupId, cancellationToken)
                       ?? PracticePortalSettings.DefaultsFor(groupId);
        return PortalSettingsResponse.From(settings);
    }
}
