using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Shared.Modules;

/// <summary>
/// A module's public entry. The Host lists its modules once; each adds its own services (DbContext,
/// facades, jobs). Endpoints are found by Carter and handlers by the Mediator source generator.
/// </summary>
public interface IModule
{
    /// <summary>Kebab-case, e.g. <c>portal-settings</c>; prefixes the module's job ids.</summary>
    string Name { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration);
}

/// <summary>Fills an empty database with the documented demo data (Development only). Lower order runs first.</summary>
public interface IDemoDataSeeder
{
    int Order { get; }
    Task SeedAsync(CancellationToken cancellationToken);
}

/// <summary>Runs at every start-up after the migrations, in every environment (e.g. first-run bootstrap). Must be idempotent.</summary>
public interface IStartupTask
{
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>Tells whether a sign-in session is still active, so a revoked session's access tokens stop at once.</summary>
public interface ISessionValidator
{
    ValueTask<bool> IsActiveAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken);
}
