using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Api;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Modules.Identity.Features;
using Portal.Modules.Identity.Jobs;
using Portal.Shared.Jobs;
using Portal.Modules.Identity.Features.PasswordReset;
using Portal.Modules.Identity.Passwords;
using Portal.Shared.Messaging;
using Portal.Shared.Modules;
using Portal.Shared.Persistence;

namespace Portal.Modules.Identity;

/// <summary>Accounts, practice groups, practice staff, sign-in, sessions, two-factor, password reset and the security log.</summary>
public sealed class IdentityModule : IModule
{
    public string Name => "identity";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings();
        services.Configure<AuthSettings>(configuration.GetSection(AuthSettings.Section));
        services.Configure<PasswordResetSettings>(configuration.GetSection(PasswordResetSettings.Section));

        services.AddModuleDbContext<IdentityModuleDbContext, SqliteIdentityModuleDbContext, SqlServerIdentityModuleDbContext>(
            configuration, IdentityModuleDbContext.DatabaseName);

        services.AddIdentityCore<PortalUser>(options =>
            {
                // Length over composition rules (NIST SP 800-63B): at least 12 characters, anything allowed.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = string.Empty;   // the user name is the email: o'brien@... is fine
                // Not Identity's per-account lockout, which anyone could trigger: FailedSignIns throttles per email and address.
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<IdentityModuleDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PortalPasswordValidator>()
            .AddErrorDescriber<PortalIdentityErrorDescriber>();

        services.AddAuthentication(TokenIssuer.Scheme)
            .AddBearerToken(TokenIssuer.Scheme, options =>
                options.BearerTokenExpiration = TimeSpan.FromMinutes(settings.AccessTokenMinutes));

        // Keys in the database: tokens survive restarts and are valid on every instance sharing the database.
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("Portal")
            .PersistKeysToDbContext<IdentityModuleDbContext>();
        // In production, encrypt the key ring at rest with a certificate (PFX) that every instance has.
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, configuration["DataProtection:CertificatePassword"]));
        }

        services.AddMemoryCache();
        services.AddSingleton<SessionCache>();
        services.AddScoped<ISessionValidator, SessionValidator>();
        services.AddScoped<TokenIssuer>();
        services.AddScoped<FailedSignIns>();
        services.AddScoped<AuthenticatorCodes>();
        services.AddScoped<SecurityLog>();
        services.AddScoped<SecurityNotices>();
        services.AddScoped<SessionEnding>();
        services.AddScoped<IIntegrationEventConsumer<SecurityEventOccurred>, SecurityEventOccurredConsumer>();
        services.AddRecurringJob<ForgetFailedSignInsJob>(ForgetFailedSignInsJob.Id, "17 * * * *");
        services.AddScoped<AccountCreator>();
        services.AddScoped<PracticeFounding>();
        services.AddScoped<Features.Staff.StaffAccounts>();
        services.AddScoped<IIdentityApi, IdentityApi>();
        services.AddScoped<PasswordResetLookup>();
        services.AddScoped<PasswordResetEmails>();
        services.AddScoped<IIntegrationEventConsumer<PasswordResetAsked>, PasswordResetAskedConsumer>();
        services.AddScoped<IDemoDataSeeder, IdentityDemoDataSeeder>();
        services.AddScoped<IStartupTask, FirstPracticeBootstrap>();
        services.AddScoped<IStartupTask, InstallationOperators>();   // after the bootstrap: its admin may be listed
    }
}
