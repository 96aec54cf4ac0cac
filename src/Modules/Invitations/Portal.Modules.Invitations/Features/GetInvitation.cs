using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invitations.Features.Shared;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Invitations.Features;

public sealed class GetInvitationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapAnonymousRoutes("/api/invitations", "Invitations").MapGet("/{token}", async (string token, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetInvitation(token), ct)).ToHttpResult())
            .WithSummary("What an invitation link is for: the practice, the patient's first name, the email, and whether an account exists")
            .Produces<InvitationDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
}

public sealed record InvitationDetails(string PracticeName, string GivenName, string Email, DateTimeOffset ExpiresAt, bool AccountExists);

public sealed record GetInvitation(string Token) : IQuery<Result<InvitationDetails>>;

internal sealed class GetInvitationHandler(InvitationLookup lookup, IIdentityApi identity) : IQueryHandler<GetInvitation, Result<InvitationDetails>>
{
    public async ValueTask<Result<InvitationDetails>> Handle(GetInvitation query, CancellationToken cancellationToken)
    {
        var found = await lookup.FindUsableAsync(query.Token, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var invitation = found.Value;
        var practice = await identity.GetPracticeGroupAsync(invitation.PracticeGroupId, cancellationToken);
        var account = await identity.FindAccountByEmailAsync(invitation.Email, cancellationToken);
        return new InvitationDetails(practice?.Name ?? string.Empty, invitation.PatientGivenName, invitation.Email, invitation.ExpiresAt, account is not null);
    }
}
