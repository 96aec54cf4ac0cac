using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Identity.Features;

public sealed class RegenerateRecoveryCodesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapAccountRoutes("Accounts").MapPost("/two-factor/recovery-codes", async (CurrentPasswordRequest request, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RegenerateRecoveryCodes(request.CurrentPassword ?? string.Empty), ct)).ToHttpResult())
            .RequireRateLimiting(RateLimitPolicies.Anonymous)
            .WithSummary("New two-factor recovery codes (needs the current password {currentPassword}); the old ones stop working and the owner is emailed")
            .Produces<EnableTwoFactorResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status423Locked);
}

public sealed record RegenerateRecoveryCodes(string CurrentPassword) : ICommand<Result<EnableTwoFactorResponse>>;

public sealed class RegenerateRecoveryCodesValidator : AbstractValidator<RegenerateRecoveryCodes>
{
    public RegenerateRecoveryCodesValidator() =>
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(1024).WithMessage("Enter your current password to get new recovery codes.");
}

internal sealed class RegenerateRecoveryCodesHandler(
    IdentityModuleDbContext db,
    UserManager<PortalUser> users,
    FailedSignIns failedSignIns,
    ICurrentUser currentUser,
    SecurityLog log,
    SecurityNotices notices)
    : ICommandHandler<RegenerateRecoveryCodes, Result<EnableTwoFactorResponse>>
{
    public async ValueTask<Result<EnableTwoFactorResponse>> Handle(RegenerateRecoveryCodes command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(currentUser.UserId.ToString());
        if (user is null)
        {
            return IdentityErrors.AccountGone;
        }

        if (!user.TwoFactorEnabled)
        {
            return IdentityErrors.TwoFactorNotEnabled;
        }

        if (await failedSignIns.VerifyCurrentPasswordAsync(user, command.CurrentPassword, cancellationToken) is { } refused)
        {
            return refused;
        }

        // Tracked before GenerateNewTwoFactorRecoveryCodesAsync saves the account: the log entry, the email and the
        // new codes are saved together.
        log.Record(SecurityEventKind.RecoveryCodesRegenerated, user, user.Id);
        notices.Queue(user, "New two-factor recovery codes", "New recovery codes were made for your portal account; the old ones no longer work");
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnableTwoFactorHandler.RecoveryCodeCount)
            ?? throw new InvalidOperationException("The recovery codes could not be saved.");
        await db.SaveChangesAsync(cancellationToken);
        return new EnableTwoFactorResponse(codes.ToList());
    }
}
