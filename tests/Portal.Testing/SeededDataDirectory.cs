namespace Portal.Testing;

/// <summary>
/// A data directory with every module's migrations applied and the demo data seeded, made once per test process by
/// a Development Host of its own and copied into each <see cref="PortalApp"/> that starts from it: a Host start then
/// finds its migrations applied and its demo data present (both checks stay in the start-up path) instead of
/// creating eight databases and hashing the demo passwords again. Deleted when the process exits.
/// </summary>
internal sealed class SeededDataDirectory
{
    private readonly string _path;

    private SeededDataDirectory(string path) => _path = path;

    public static SeededDataDirectory Make()
    {
        DeleteThoseOfEndedProcesses();
        var path = System.IO.Path.Combine(Parent, Prefix + Environment.ProcessId);
        TestDataDirectory.Delete(path);
        var app = new PortalApp { DataDirectory = path };
        try
        {
            _ = app.Services;   // starts the Host: migrations, demo data, start-up tasks
        }
        finally
        {
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();   // closes the files (the WAL is checkpointed into them)
        WaitUntilTheModulesFilesAreClosed(path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TestDataDirectory.Delete(path);
        return new SeededDataDirectory(path);
    }

    private const string Prefix = "seeded-";

    /// <summary>
    /// SQLite deletes a database's write-ahead log when its last connection closes. A scope of the stopped Host that
    /// finishes late (a job) closes its connection then, and the copy must not race that: it waits until no module's
    /// log is left (Hangfire's own storage keeps its file as it likes and is copied as it is).
    /// </summary>
    private static void WaitUntilTheModulesFilesAreClosed(string path)
    {
        var waitUntil = DateTime.UtcNow.AddSeconds(30);
        while (Directory.EnumerateFiles(path, "*.db-wal").Any(file => !System.IO.Path.GetFileName(file).StartsWith("hangfire", StringComparison.Ordinal))
            && DateTime.UtcNow < waitUntil)
        {
            Thread.Sleep(50);
        }
    }

    private static string Parent => System.IO.Path.GetDirectoryName(TestDataDirectory.NewPath())!;

    /// <summary>A test host killed at the end of a run never reaches ProcessExit: its copy goes at the next run's start.</summary>
    private static void DeleteThoseOfEndedProcesses()
    {
        if (!Directory.Exists(Parent))
        {
            return;
        }

        foreach (var directory in Directory.EnumerateDirectories(Parent, Prefix + "*"))
        {
            if (int.TryParse(System.IO.Path.GetFileName(directory)[Prefix.Length..], out var processId) && !IsRunning(processId))
            {
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (IOException)
                {
                    // another test process got there first
                }
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public void CopyTo(string destination)
    {
        var copying = destination + ".copying";
        TestDataDirectory.Delete(copying);   // what an earlier attempt that failed half-way left
        Directory.CreateDirectory(copying);
        // The databases and any write-ahead log not yet checkpointed; SQLite rebuilds a WAL's shared-memory index itself.
        foreach (var file in Directory.EnumerateFiles(_path).Where(file => !file.EndsWith("-shm", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(copying, Path.GetFileName(file)));
        }

        Directory.Move(copying, destination);
    }
}
