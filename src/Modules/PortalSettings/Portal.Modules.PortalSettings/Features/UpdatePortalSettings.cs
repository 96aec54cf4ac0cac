using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PortalSettings.Api;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Modules.PortalSettings.Data;
using Portal.Modules.PortalSettings.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;
using Portal.Shared.Messaging;

namespace Portal.Modules.PortalSettings.Features;

public sealed class UpdatePortalSettingsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeAdminRoutes("Portal settings").MapPut("/settings/portal", async (UpdatePortalSettingsRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new UpdatePortalSettings(
                    request.PortalEnabled, request.PatientInvitations, request.PatientUpdates, request.NoteSharing,
                    request.AlwaysApproveFields, http.Request.Headers.IfMatch.ToString()), ct);
                if (result.IsSuccess)
                {
                    http.Response.Headers.ETag = result.Value.ETag;
                }

                return result.ToHttpResult();
            })
            .WithSummary("Change the practice group's settings (practice admins); send If-Match with the ETag you read")
            .Produces<PortalSettingsResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}

/// <summary>
/// The four switches are required: a forgotten field must not silently switch a setting off.
/// <see cref="AlwaysApproveFields"/> (the fields whose change always waits for approval) is optional: absent keeps the list.
/// </summary>
public sealed record UpdatePortalSettingsRequest(
    bool? PortalEnabled, bool? PatientInvitations, PatientUpdatePolicy? PatientUpdates, bool? NoteSharing,
    IReadOnlyList<string>? AlwaysApproveFields = null);

public sealed record UpdatePortalSettings(
    bool? PortalEnabled, bool? PatientInvitations, PatientUpdatePolicy? PatientUpdates, bool? NoteSharing,
    IReadOnlyList<string>? AlwaysApproveFields, string? IfMatch)
    : ICommand<Result<PortalSettingsResponse>>;

public sealed class UpdatePortalSettingsValidator : AbstractValidator<UpdatePortalSettings>
{
    public UpdatePortalSettingsValidator()
    {
        RuleFor(u => u.PortalEnabled).NotNull();
        RuleFor(u => u.PatientInvitations).NotNull();
        RuleFor(u => u.PatientUpdates).NotNull().IsInEnum();
        RuleFor(u => u.NoteSharing).NotNull();
        RuleFor(u => u.IfMatch).MaximumLength(100);
        RuleForEach(u => u.AlwaysApproveFields)
            .Must(field => field is not null && PatientProfileFields.Approvable.Contains(field))
            .WithMessage("Not a field that can wait for approval. Use: " + string.Join(", ", PatientProfileFields.Approvable) + ".");
    }
}

internal sealed class UpdatePortalSettingsHandler(
    PortalSettingsDbContext db, ICurrentUser currentUser, PortalSettingsCache cache, TimeProvider clock)
    : ICommandHandler<UpdatePortalSettings, Result<PortalSettingsResponse>>
{
    public async ValueTask<Result<PortalSettingsResponse>> Handle(UpdatePortalSettings command, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var settings = await db.Settings.SingleOrDefaultAsync(s => s.PracticeGroupId == groupId, cancellationToken);
        var isNew = settings is null;
        settings ??= PracticePortalSettings.DefaultsFor(groupId);

        if (!IfMatch.Accepts(command.IfMatch, PortalSettingsResponse.ETagOf(settings.Version)))
        {
            return PortalSettingsErrors.Stale;
        }

        var next = new PortalSettingsSnapshot(
            command.PortalEnabled!.Value, command.PatientInvitations!.Value, command.PatientUpdates!.Value, command.NoteSharing!.Value)
        {
            AlwaysApproveFields = command.AlwaysApproveFields is { } fields ? FieldList.Of(fields) : settings.AlwaysApproveFields,
        };
        var change = settings.Change(next, currentUser.UserId, currentUser.Name, clock.GetUtcNow());
        if (change is null)
        {
            return PortalSettingsResponse.From(settings);
        }

        if (isNew)
        {
            db.Settings.Add(settings);
        }

        db.Changes.Add(change);
        db.Publish(new PortalSettingsChanged(
            change.Id, change.ChangedAt, groupId, change.ChangedByUserId, change.ChangedByName, change.Before, change.After));
        try
        {
            // Saved here rather than by the unit of work: a concurrent change must become a 412, not a 500.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PortalSettingsErrors.Stale;   // the version moved since it was read
        }
        catch (DbUpdateException) when (isNew)
        {
            if (!await db.Settings.AsNoTracking().AnyAsync(s => s.PracticeGroupId == groupId, cancellationToken))
            {
                throw;
            }

            return PortalSettingsErrors.Stale;   // another first change inserted the row at the same time
        }
        finally
        {
            cache.Evict(groupId);
        }

        return PortalSettingsResponse.From(settings);
    }
}
