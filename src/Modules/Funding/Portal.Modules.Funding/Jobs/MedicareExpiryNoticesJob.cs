using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Funding.Contracts;
using Portal.Modules.Funding.Data;
using Portal.Modules.Funding.Domain;
using Portal.Modules.Funding.Features.Shared;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Notifications.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Http;
using Portal.Shared.Jobs;
using Portal.Shared.Messaging;

namespace Portal.Modules.Funding.Jobs;

/// <summary>
/// Job <c>funding.medicare-expiry-notices</c> (daily): emails each patient whose Medicare card expires at the end of
/// this month or next, or has expired, once per card (per valid-to month). The card's number is masked to its last
/// four digits. The record is marked in the same save as the email's outbox row, so a second run sends nothing; the
/// patients' home page and the practice's funding tab show the same state from <c>medicareExpiry</c>.
/// </summary>
internal sealed class MedicareExpiryNoticesJob(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, JobStorage storage)
    : ExclusiveRecurringJob(storage)
{
    public const string Id = "funding.medicare-expiry-notices";
    private const int BatchSize = 100;
    private const int MaxBatchesPerRun = 100;

    protected override string JobId => Id;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            if (await NoticeBatchAsync(cancellationToken) < BatchSize)
            {
                return;
            }
        }
    }

    private async Task<int> NoticeBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FundingDbContext>();
        var today = FundingClock.Today(clock);
        var due = await db.FundingRecords
            .Where(FundingRecord.MedicareNoticeDue(today))
            .OrderBy(r => r.PatientId)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var patients = scope.ServiceProvider.GetRequiredService<IPatientDirectory>();
        var identity = scope.ServiceProvider.GetRequiredService<IIdentityApi>();
        var now = clock.GetUtcNow();
        foreach (var practice in due.GroupBy(r => r.PracticeGroupId))
        {
            var practiceName = (await identity.GetPracticeGroupAsync(practice.Key, cancellationToken))?.Name ?? "Your practice";
            var people = (await patients.FindManyAsync(practice.Key, practice.Select(r => r.PatientId).ToList(), cancellationToken))
                .ToDictionary(p => p.PatientId);
            foreach (var record in practice)
            {
                if (people.TryGetValue(record.PatientId, out var patient) && !string.IsNullOrWhiteSpace(patient.Email)
                    && record.Details.Medicare is { } card)
                {
                    db.Publish(new EmailRequested(Guid.CreateVersion7(), now, practice.Key, patient.Email,
                        Notice(card, FundingRecord.ExpiryOf(record.MedicareValidTo, today), practiceName)));
                }

                record.MedicareNoticeSent();   // told, or nobody to tell: either way once per card
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }

    private EmailContent Notice(MedicareCard card, MedicareExpiry? expiry, string practiceName)
    {
        var month = card.ValidToMonth().ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-AU"));
        var which = $"The Medicare card ending {card.Number![^4..]} (your reference number {card.Irn}) on your record with {practiceName}";
        var expired = expiry == MedicareExpiry.Expired;
        return new EmailContent(
            expired ? "Your Medicare card has expired" : "Your Medicare card expires soon",
            expired ? "Your Medicare card has expired" : "Your Medicare card expires soon",
            [
                expired ? $"{which} was valid to the end of {month}." : $"{which} is valid to the end of {month}.",
                "When your new card arrives, enter its number, your reference number and its valid-to month under Funding details, so the practice can keep claiming for you.",
            ],
            new EmailAction("Update your funding details", $"{PublicBaseUrl.From(configuration)}/funding"));
    }
}
