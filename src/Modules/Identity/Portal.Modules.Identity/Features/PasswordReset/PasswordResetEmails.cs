using Microsoft.Extensions.Configuration;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Modules.Notifications.Contracts;
using Portal.Shared.Http;
using Portal.Shared.Messaging;

namespace Portal.Modules.Identity.Features.PasswordReset;

/// <summary>
/// The emails of a password reset, queued through Identity's outbox so each is saved with the change it tells of.
/// A patient's link opens the patients' app, a practitioner's the admin app.
/// </summary>
internal sealed class PasswordResetEmails(IdentityModuleDbContext db, IConfiguration configuration, TimeProvider clock)
{
    public void QueueLink(PortalUser user, string token, DateTimeOffset expiresAt)
    {
        var app = user.Kind == AccountKind.Practitioner ? "/admin" : string.Empty;
        var link = $"{PublicBaseUrl.From(configuration)}{app}/reset-password/{token}";
        var minutes = (int)Math.Round((expiresAt - clock.GetUtcNow()).TotalMinutes);
        Queue(user, "Reset your portal password", new EmailContent(
            "Reset your portal password",
            Greeting(user),
            [
                $"Someone, hopefully you, asked to reset the password of the portal account {user.Email}.",
                $"The link below works once, for {minutes} minutes (until {expiresAt:HH:mm} UTC). If you did not ask for it, ignore this email: your password stays as it is.",
            ],
            new EmailAction("Choose a new password", link)));
    }

    private void Queue(PortalUser user, string subject, EmailContent content) =>
        db.Publish(new EmailRequested(Guid.CreateVersion7(), clock.GetUtcNow(), user.PracticeGroupId, user.Email!, content with { Subject = subject }));

    private static string Greeting(PortalUser user) =>
        string.IsNullOrWhiteSpace(user.GivenName) ? "Hello" : $"Hello {user.GivenName}";
}
