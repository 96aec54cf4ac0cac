using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Funding.Contracts;
using Portal.Modules.Funding.Data;
using Portal.Modules.Funding.Features.Shared;
using Portal.Modules.Funding.Jobs;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Jobs;
using Portal.Shared.Modules;
using Portal.Shared.Persistence;

namespace Portal.Modules.Funding;

/// <summary>
/// A patient's funding details (Medicare, private health, NDIS, DVA, IHI): the identifiers' rules, the data, and the
/// routes. Patients' edits go through PatientProfile's change requests as the record part <c>funding</c>
/// (docs/decisions/0011, 0017).
/// </summary>
public sealed class FundingModule : IModule
{
    public string Name => "funding";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<FundingDbContext, SqliteFundingDbContext, SqlServerFundingDbContext>(configuration, FundingDbContext.DatabaseName);
        services.AddHttpContextAccessor();
        services.AddScoped<IRecordPartKeeper, FundingKeeper>();
        services.AddScoped<FundingAccessLog>();
        services.AddRecurringJob<MedicareExpiryNoticesJob>(MedicareExpiryNoticesJob.Id, "0 23 * * *");   // 09:00-10:00 in Sydney
        services.AddScoped<IDemoDataSeeder, FundingDemoDataSeeder>();
    }
}
