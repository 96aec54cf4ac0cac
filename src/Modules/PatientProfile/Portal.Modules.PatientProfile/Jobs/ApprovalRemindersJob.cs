using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Notifications.Contracts;
using Portal.Modules.PatientProfile.ChangeRequests;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Domain;
using Portal.Shared.Http;
using Portal.Shared.Jobs;
using Portal.Shared.Messaging;

namespace Portal.Modules.PatientProfile.Jobs;

/// <summary>Section <c>PatientProfile:ApprovalReminders</c>: how long a change request waits before practitioners are reminded.</summary>
public sealed class ApprovalReminderSettings
{
    public const string Section = "PatientProfile:ApprovalReminders";

    public TimeSpan PendingLongerThan { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>
/// Job <c>patient-profile.approval-reminders</c>: each practitioner of a group with change requests pending longer
/// than <see cref="ApprovalReminderSettings.PendingLongerThan"/> gets one digest email listing them, at most once a
/// day (the practice's calendar day), and nothing when nothing waits. The day's mark and the email are saved
/// together, so a retry or a second instance never sends twice.
/// </summary>
internal sealed class ApprovalRemindersJob(
    PatientProfileDbContext db,
    IIdentityApi identity,
    IOptions<ApprovalReminderSettings> options,
    IConfiguration configuration,
    TimeProvider clock,
    JobStorage storage)
    : ExclusiveRecurringJob(storage)
{
    public const string Id = "patient-profile.approval-reminders";
    private const int ListedInEmail = 20;

    protected override string JobId => Id;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var waitingSince = now - options.Value.PendingLongerThan;
        var overdue = await db.ChangeRequests.AsNoTracking()
            .Where(r => r.Status == ChangeRequestStatus.Pending && r.WaitingSince <= waitingSince)
            .Join(db.Patients, r => r.PatientId, p => p.Id, (r, p) => new OverdueRequest(r.PracticeGroupId, r.Subject, r.WaitingSince, p.GivenName + " " + p.FamilyName))
            .ToListAsync(cancellationToken);

        foreach (var group in overdue.GroupBy(r => r.PracticeGroupId))
        {
            var practice = await identity.GetPracticeGroupAsync(group.Key, cancellationToken);
            if (practice is null)
            {
                continue;
            }

            var timeZone = TimeZoneInfo.TryFindSystemTimeZoneById(practice.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, timeZone).DateTime);
            var practitioners = await identity.GetPractitionersAsync(group.Key, cancellationToken);
            var practitionerIds = practitioners.Select(p => p.UserId).ToList();
            var lastSent = await db.ApprovalReminders
                .Where(r => practitionerIds.Contains(r.PractitionerUserId))
                .ToDictionaryAsync(r => r.PractitionerUserId, cancellationToken);
            var content = Digest(group.OrderBy(r => r.WaitingSince).ToList(), timeZone);
            foreach (var practitioner in practitioners)
            {
                if (lastSent.TryGetValue(practitioner.UserId, out var reminder) && reminder.LastSentOn >= today)
                {
                    continue;
                }

                if (reminder is null)
                {
                    db.ApprovalReminders.Add(ApprovalReminder.SentTo(practitioner.UserId, today));
                }
                else
                {
                    reminder.SentAgain(today);
                }

                db.Publish(new EmailRequested(Guid.CreateVersion7(), now, group.Key, practitioner.Email, content));
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private EmailContent Digest(IReadOnlyList<OverdueRequest> requests, TimeZoneInfo timeZone)
    {
        var lines = requests.Take(ListedInEmail).Select(r =>
            $"{r.PatientName}: {PatientProfileFields.LabelOf(r.Subject)}, waiting since "
            + TimeZoneInfo.ConvertTime(r.WaitingSince, timeZone).ToString("d MMM yyyy, h:mm tt", CultureInfo.GetCultureInfo("en-AU")));
        var paragraphs = new List<string>
        {
            requests.Count == 1
                ? "A patient's change has been waiting for a practitioner's decision for a while:"
                : $"{requests.Count} patients' changes have been waiting for a practitioner's decision for a while:",
        };
        paragraphs.AddRange(lines);
        if (requests.Count > ListedInEmail)
        {
            paragraphs.Add($"... and {requests.Count - ListedInEmail} more.");
        }

        paragraphs.Add("Any practitioner of the practice can approve or reject them. You get this reminder at most once a day.");
        var baseUrl = PublicBaseUrl.From(configuration);
        var subject = requests.Count == 1 ? "1 patient change is waiting for approval" : $"{requests.Count} patient changes are waiting for approval";
        return new EmailContent(subject, "Patient changes waiting for approval", paragraphs,
            new EmailAction("Review the changes", $"{baseUrl}/admin/approvals"));
    }

    private sealed record OverdueRequest(Guid PracticeGroupId, RecordPart Subject, DateTimeOffset WaitingSince, string PatientName);
}
