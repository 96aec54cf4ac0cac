using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Portal.Shared.Persistence;

namespace Portal.Testing;

/// <summary>
/// The real Host (all modules, all middleware) on a fresh SQLite data directory of its own, in Development
/// with the demo data, and a clock the test controls. Dispose deletes the data.
/// </summary>
public class PortalApp : WebApplicationFactory<Program>
{
    /// <summary>Configuration for this Host, over the test defaults (e.g. <c>Settings = { ["Auth:LockoutMinutes"] = "1" }</c>).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Starts at the real current time and moves only when a test advances it.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>
    /// Development (demo data, development mailbox) unless a test needs another. Outside Development the clients speak
    /// HTTPS (plain HTTP is redirected there) and the key ring gets a certificate of its own (the Host refuses to
    /// start without one) unless the test sets <c>DataProtection:CertificatePath</c> itself.
    /// </summary>
    public string Environment
    {
        get => _environment;
        init
        {
            _environment = value;
            if (value != "Development")
            {
                ClientOptions.BaseAddress = new Uri("https://localhost");
            }
        }
    }

    private readonly string _environment = "Development";

    private readonly string? _sharedDataDirectory;

    /// <summary>
    /// A fresh directory of this Host's own, deleted with it; or, set by a test, a directory another Host (or a
    /// <see cref="TestDataDirectory"/>) owns: a second instance, or the same database after a restart.
    /// </summary>
    public string DataDirectory
    {
        get => _sharedDataDirectory ?? OwnDataDirectory;
        init => _sharedDataDirectory = value;
    }

    private string OwnDataDirectory { get; } = TestDataDirectory.NewPath();

    /// <summary>Services to replace or add for one test (applied after the Host's own).</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; init; }

    /// <summary>
    /// Passwords are hashed with the product's PBKDF2 iteration count (100,000) when set; otherwise with
    /// <see cref="TestPasswordHashIterations"/>, which keeps the same algorithm and stored format but costs next to
    /// nothing: every Host start hashes the demo accounts' passwords and every sign-in verifies one, and on a 2-core
    /// machine that was a noticeable part of each test. The product's setting is asserted by a test that sets this.
    /// </summary>
    public bool ProductPasswordHashing { get; init; }

    public const int TestPasswordHashIterations = 1_000;

    /// <summary>
    /// Whether this Host's own data directory starts as a copy of one the process migrated and seeded once (the
    /// default for a Development Host with the demo data), instead of migrating and seeding its own: the same
    /// files, made once. Off, or not applicable (another environment, a shared directory, database or demo-data
    /// settings of the test's own), the Host prepares its database itself, as an installation does.
    /// </summary>
    public bool StartFromSeededCopy { get; init; } = true;

    private bool UsesSeededCopy =>
        StartFromSeededCopy && _sharedDataDirectory is null && Environment == "Development" && !ProductPasswordHashing
        && !Settings.Keys.Any(key => key.StartsWith("DemoData:", StringComparison.OrdinalIgnoreCase)
                                     || key.StartsWith("Database:", StringComparison.OrdinalIgnoreCase)
                                     || key.StartsWith("Storage:", StringComparison.OrdinalIgnoreCase));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Database:Provider"] = "Sqlite",
            ["RateLimiting:Anonymous:PermitLimit"] = "100000",
            // Jobs are run directly by the tests (no background server, no waiting).
            ["Jobs:Storage"] = "InMemory",
            ["Jobs:Server:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        if (Environment != "Development" && !Settings.ContainsKey("DataProtection:CertificatePath"))
        {
            settings["DataProtection:CertificatePath"] = TestCertificate.KeyRingCertificateIn(DataDirectory);
            settings["DataProtection:CertificatePassword"] = TestCertificate.Password;
        }

        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            if (!ProductPasswordHashing)
            {
                services.Configure<PasswordHasherOptions>(options => options.IterationCount = TestPasswordHashIterations);
            }

            // The patients' web pages call the API over HTTP at the Host's own address. On the in-memory test server there
            // is no socket to call: the same requests go through the server's handler instead (a transport substitution only).
            services.AddHttpClient(Portal.Web.Server.Api.ApiTransport.ClientName).ConfigurePrimaryHttpMessageHandler(provider =>
                provider.GetRequiredService<IServer>() is TestServer testServer
                    ? testServer.CreateHandler()
                    : new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
            services.AddLogging(logging => logging.AddFakeLogging(options =>
            {
                options.FilteredLevels.Add(LogLevel.Error);
                options.FilteredLevels.Add(LogLevel.Critical);
            }));
            ConfigureTestServices?.Invoke(services);
        });
    }

    /// <summary>
    /// The first Host of the test process starts alone and touches every module's EF model (runtime and design-time)
    /// before any other Host may start. EF caches a context type's model once per process, shared by every Host;
    /// two Hosts of parallel test classes touching it first at the same moment raced inside EF ("The model must be
    /// finalized and its runtime dependencies must be initialized before 'GetRelationalModel' can be used").
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        if (UsesSeededCopy && !Directory.Exists(DataDirectory))
        {
            SeededCopy.Value.CopyTo(DataDirectory);
        }

        if (Volatile.Read(ref _modelsReady))
        {
            return Started(base.CreateHost(builder));
        }

        FirstStart.Wait();
        try
        {
            var host = base.CreateHost(builder);
            if (!_modelsReady)
            {
                using var scope = host.Services.CreateScope();
                foreach (var database in scope.ServiceProvider.GetServices<IModuleDatabase>())
                {
                    var context = database.ContextIn(scope.ServiceProvider);
                    _ = context.Model.GetRelationalModel();
                    _ = context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
                }

                Volatile.Write(ref _modelsReady, true);
            }

            return Started(host);
        }
        finally
        {
            FirstStart.Release();
        }
    }

    private static readonly SemaphoreSlim FirstStart = new(1, 1);

    /// <summary>
    /// Hangfire logs through one process-wide provider, which each Host sets to its own logger factory as it starts;
    /// once that Host was disposed, another Host's dashboard trigger failed with "Cannot access a disposed object:
    /// LoggerFactory" (the dashboard trigger's rare 500). A Host of the tests hands Hangfire a provider of no Host,
    /// once started and before it is disposed.
    /// </summary>
    private static IHost Started(IHost host)
    {
        ReleaseHangfireLogging();
        return host;
    }

    private static void ReleaseHangfireLogging() =>
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(NoHostLogging);

    private static readonly Hangfire.AspNetCore.AspNetCoreLogProvider NoHostLogging = new(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

    /// <summary>The process's migrated and seeded data directory, made by a Host of its own on first use.</summary>
    private static readonly Lazy<SeededDataDirectory> SeededCopy = new(SeededDataDirectory.Make, LazyThreadSafetyMode.ExecutionAndPublication);

    private static bool _modelsReady;

    /// <summary>What this Host logged at Error or above, for a failing assertion's message: a 500's cause.</summary>
    public string ServerErrors() =>
        string.Join(System.Environment.NewLine, Services.GetRequiredService<FakeLogCollector>().GetSnapshot()
            .Select(r => $"{r.Category}: {r.Message} {r.Exception}"));

    protected override void Dispose(bool disposing)
    {
        ReleaseHangfireLogging();
        base.Dispose(disposing);
        if (disposing)
        {
            DeleteDataDirectory();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        ReleaseHangfireLogging();
        await base.DisposeAsync();
        DeleteDataDirectory();
        GC.SuppressFinalize(this);
    }

    private void DeleteDataDirectory()
    {
        if (_sharedDataDirectory is null)
        {
            TestDataDirectory.Delete(OwnDataDirectory);
        }
    }
}
