using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;
using Portal.Shared.Messaging;

namespace Portal.Modules.Identity.Features.PasswordReset;

public sealed class RequestPasswordResetEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapAnonymousRoutes("/api/auth", "Accounts").MapPost("/password-reset", async (RequestPasswordReset request, ISender sender, CancellationToken ct) =>
                await sender.Send(request, ct) is { IsFailure: true } failed ? failed.Error!.ToProblem() : TypedResults.Accepted((string?)null))
            .WithSummary("Forgot the password: emails a single-use reset link if an account has this email; the answer is the same either way")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesValidationProblem();
}

public sealed record RequestPasswordReset(string Email) : ICommand<Result>;

public sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordReset>
{
    public RequestPasswordResetValidator() => RuleFor(r => r.Email).NotEmpty().MaximumLength(256).EmailAddress();
}

/// <summary>
/// Only writes the request to Identity's outbox: the answer takes the same work and time whether or not an account
/// has the email. The account is looked up, and its link made and emailed, by the consumer below.
/// </summary>
internal sealed class RequestPasswordResetHandler(IdentityModuleDbContext db, TimeProvider clock) : ICommandHandler<RequestPasswordReset, Result>
{
    public ValueTask<Result> Handle(RequestPasswordReset command, CancellationToken cancellationToken)
    {
        db.Publish(new PasswordResetAsked(Guid.CreateVersion7(), clock.GetUtcNow(), command.Email.Trim()));
        return ValueTask.FromResult(Result.Success());
    }
}

/// <summary>Someone asked for a reset link for this email; Identity's own event, relayed to its own consumer.</summary>
[IntegrationEvent("identity.password-reset-asked")]
internal sealed record PasswordResetAsked(Guid EventId, DateTimeOffset OccurredAt, string Email) : IIntegrationEvent;

/// <summary>
/// Makes the account's new link (ending its older unused ones) and emails it; for an unknown email, or past the
/// hourly allowance of links for the account, nothing.
/// </summary>
[InboxName("identity.send-password-reset")]
internal sealed class PasswordResetAskedConsumer(
    IdentityModuleDbContext db,
    UserManager<PortalUser> users,
    PasswordResetEmails emails,
    SecurityLog log,
    IOptions<PasswordResetSettings> settings,
    TimeProvider time)
    : IdempotentConsumer<PasswordResetAsked>(db, time)
{
    private readonly TimeProvider _clock = time;

    protected override async Task HandleAsync(PasswordResetAsked asked, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(asked.Email);
        if (user is null || user.DeactivatedAt is not null)
        {
            return;
        }

        var now = _clock.GetUtcNow();
        var sentLastHour = await db.PasswordResetTokens.CountAsync(t => t.UserId == user.Id && t.CreatedAt > now.AddHours(-1), cancellationToken);
        if (sentLastHour >= settings.Value.MaxLinksPerHour)
        {
            return;
        }

        var older = await db.PasswordResetTokens
            .Where(t => t.UserId == user.Id && t.UsedAt == null && t.ExpiresAt > now)
            .ToListAsync(cancellationToken);
        older.ForEach(t => t.Supersede(now));

        var (link, token) = PasswordResetToken.Issue(user.Id, now, TimeSpan.FromMinutes(settings.Value.LinkMinutes));
        db.PasswordResetTokens.Add(link);
        emails.QueueLink(user, token, link.ExpiresAt);
        log.Record(SecurityEventKind.PasswordResetRequested, user, actorUserId: null, "a link to choose a new password was emailed");
    }
}
