using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Portal.Host.Tests;

/// <summary>
/// Never losing data: the real Host process is killed (SIGKILL, no shutdown) while practitioners create patients and
/// invite them at once. After a restart on the same database, every write that was answered 2xx is there, and every
/// answered invitation's outbox event still reaches its email.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_answered_write_and_its_outbox_event_survive_a_killed_process()
    {
        using var data = new TestDataDirectory();
        var created = new ConcurrentBag<Guid>();
        var invited = new ConcurrentBag<string>();

        await using (var host = await HostProcess.StartAsync(data.Path, output))
        {
            using var admin = await host.SignedInAsync(DemoData.HarbourAdminEmail);
            using var writing = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
            {
                for (var i = 0; !writing.IsCancellationRequested; i++)
                {
                    var email = $"crash-{worker}-{i}-{Guid.NewGuid():N}@example.test";
                    try
                    {
                        using var patient = await admin.PostAsJsonAsync("/api/practice/patients",
                            new { givenName = "Crash", familyName = $"Test {worker}-{i}", dateOfBirth = "1980-01-01", email });
                        if (patient.StatusCode != HttpStatusCode.Created)
                        {
                            continue;
                        }

                        var patientId = (await patient.Content.ReadFromJsonAsync<Created>(PortalClients.Json))!.Id;
                        created.Add(patientId);
                        using var invitation = await admin.PostAsJsonAsync($"/api/practice/patients/{patientId}/invitations", new { });
                        if (invitation.StatusCode == HttpStatusCode.Created)
                        {
                            invited.Add(email);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        return;   // the process is gone: what was not answered may or may not be there
                    }
                }
            })).ToList();

            // Kill while writes are in flight, once enough have been answered to make the check meaningful.
            var deadline = Stopwatch.StartNew();
            while (invited.Count < 20 && deadline.Elapsed < TimeSpan.FromSeconds(90))
            {
                await Task.Delay(20);
            }

            host.Kill();
            await writing.CancelAsync();
            await Task.WhenAll(workers);
        }

        output.WriteLine($"answered before the kill: {created.Count} patients, {invited.Count} invitations");
        Assert.True(invited.Count >= 20, $"only {invited.Count} invitations were answered before the kill");

        await using var restarted = await HostProcess.StartAsync(data.Path, output);
        using var practice = await restarted.SignedInAsync(DemoData.HarbourAdminEmail);
        foreach (var patientId in created)
        {
            using var patient = await practice.GetAsync($"/api/practice/patients/{patientId}");
            Assert.True(patient.StatusCode == HttpStatusCode.OK, $"patient {patientId} was answered 201 but is gone after the crash");
        }

        // The jobs of the restarted Host relay the outboxes: each answered invitation's email arrives.
        var waiting = invited.ToHashSet();
        var until = Stopwatch.StartNew();
        using var anonymous = restarted.Client();
        while (waiting.Count > 0 && until.Elapsed < TimeSpan.FromSeconds(120))
        {
            foreach (var email in waiting.ToList())
            {
                var mailbox = await anonymous.GetFromJsonAsync<List<MailboxEmail>>($"/api/dev/mailbox?to={Uri.EscapeDataString(email)}", PortalClients.Json);
                if (mailbox!.Count > 0)
                {
                    waiting.Remove(email);
                }
            }

            if (waiting.Count > 0)
            {
                await Task.Delay(2000);
            }
        }

        Assert.True(waiting.Count == 0, $"{waiting.Count} answered invitations never reached their email, e.g. {waiting.FirstOrDefault()}");
    }

    /// <summary>The published Host as its own process on a free loopback port, in Development (demo data, mailbox).</summary>
    private sealed class HostProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Uri _address;

        private HostProcess(Process process, Uri address) => (_process, _address) = (process, address);

        public static async Task<HostProcess> StartAsync(string dataDirectory, ITestOutputHelper output)
        {
            var hostDll = HostAssemblyPath();
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet", [hostDll])
            {
                WorkingDirectory = Path.GetDirectoryName(hostDll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["Storage__DataDirectory"] = dataDirectory;
            start.Environment["Database__Provider"] = "Sqlite";
            start.Environment["Jobs__Storage"] = "InMemory";
            start.Environment["RateLimiting__Anonymous__PermitLimit"] = "100000";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            var process = Process.Start(start) ?? throw new InvalidOperationException("The Host process did not start.");
            process.OutputDataReceived += (_, e) => Log(output, e.Data);
            process.ErrorDataReceived += (_, e) => Log(output, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
            using var client = host.Client();
            var waited = Stopwatch.StartNew();
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The Host exited with {process.ExitCode} while starting.");
                }

                try
                {
                    if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                    {
                        return host;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }

                if (waited.Elapsed > TimeSpan.FromSeconds(120))
                {
                    host.Kill();
                    throw new TimeoutException("The Host did not become ready within two minutes.");
                }

                await Task.Delay(250);
            }
        }

        public HttpClient Client() => new() { BaseAddress = _address, Timeout = TimeSpan.FromSeconds(30) };

        public async Task<HttpClient> SignedInAsync(string email)
        {
            var client = Client();
            using var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = DemoData.Password });
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<Tokens>(PortalClients.Json))!.AccessToken;
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        /// <summary>SIGKILL: no graceful shutdown, nothing flushed by the process itself.</summary>
        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }

        public ValueTask DisposeAsync()
        {
            Kill();
            _process.Dispose();
            return ValueTask.CompletedTask;
        }

        private static void Log(ITestOutputHelper output, string? line)
        {
            if (line is null)
            {
                return;
            }

            try
            {
                output.WriteLine(line);
            }
            catch (InvalidOperationException)
            {
                // the test has finished: a late line of a dying process has nowhere to go
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        /// <summary>The Host built beside this test (same configuration), found from the repository root.</summary>
        private static string HostAssemblyPath()
        {
            var testDirectory = AppContext.BaseDirectory;
            var configuration = testDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
            var root = new DirectoryInfo(testDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Portal.sln")))
            {
                root = root.Parent;
            }

            var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Portal.sln not found above " + testDirectory),
                "src", "Host", "Portal.Host", "bin", configuration, "net10.0", "Portal.Host.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the Host first (dotnet build Portal.sln).", path);
        }
    }
}
