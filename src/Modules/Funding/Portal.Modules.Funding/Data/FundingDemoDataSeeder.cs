using Microsoft.EntityFrameworkCore;
using Portal.Modules.Funding.Contracts;
using Portal.Modules.Funding.Domain;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Modules;

namespace Portal.Modules.Funding.Data;

/// <summary>
/// The documented demo funding details (Development, empty database only): Ava has a Medicare card that expires at the
/// end of next month (so the expiry notice shows) and Bupa cover; Noah has a gold DVA card and an IHI. The numbers are
/// the published example numbers, not real people's.
/// </summary>
internal sealed class FundingDemoDataSeeder(FundingDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    public int Order => 30;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.FundingRecords.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var nextMonth = new DateOnly(now.Year, now.Month, 1).AddMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var ava = FundingRecord.For(DemoData.HarbourHealthId, DemoPatients.AvaNguyenId);
        ava.Rewrite(new FundingDetails(
            new MedicareCard("2123456701", 1, nextMonth),
            new PrivateHealthCover("bupa", "12345678", "01"),
            Ndis: null, Dva: null, Ihi: null), now);
        var noah = FundingRecord.For(DemoData.HarbourHealthId, DemoPatients.NoahSmithId);
        noah.Rewrite(new FundingDetails(null, null, null, new DvaCard("NX123456", DvaCardColour.Gold), "8003608166690503"), now);
        db.FundingRecords.AddRange(ava, noah);
        await db.SaveChangesAsync(cancellationToken);
    }
}
