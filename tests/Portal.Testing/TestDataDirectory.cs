using Microsoft.Data.Sqlite;

namespace Portal.Testing;

/// <summary>A data directory that outlives the Hosts using it (e.g. across a restart); deleted when disposed.</summary>
public sealed class TestDataDirectory : IDisposable
{
    public string Path { get; } = NewPath();

    public void Dispose() => Delete(Path);

    internal static string NewPath() => System.IO.Path.Combine(Root, "portal-tests", Guid.NewGuid().ToString("N"));

    /// <summary>
    /// In memory (<c>/dev/shm</c>) where the machine has it, else the temp directory: every Host start creates eight
    /// SQLite files and applies their migrations, each commit a sync to disk, which the tests need no durability from.
    /// </summary>
    private static string Root { get; } =
        OperatingSystem.IsLinux() && Directory.Exists("/dev/shm") ? "/dev/shm" : System.IO.Path.GetTempPath();

    internal static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();   // pooled connections keep the files open
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
