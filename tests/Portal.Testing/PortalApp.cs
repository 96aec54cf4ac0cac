using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

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
            services.AddLogging(logging => logging.AddFakeLogging(options =>
            {
                options.FilteredLevels.Add(LogLevel.Error);
                options.FilteredLevels.Add(LogLevel.Critical);
            }));
            ConfigureTestServices?.Invoke(services);
        });
    }

    /// <summary>What this Host logged at Error or above, for a failing assertion's message: a 500's cause.</summary>
    public string ServerErrors() =>
        string.Join(System.Environment.NewLine, Services.GetRequiredService<FakeLogCollector>().GetSnapshot()
            .Select(r => $"{r.Category}: {r.Message} {r.Exception}"));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DeleteDataDirectory();
        }
    }

    public override async ValueTask DisposeAsync()
    {
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
