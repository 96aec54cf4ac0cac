using Microsoft.Data.Sqlite;

namespace Portal.Testing;

/// <summary>A data directory that outlives the Hosts using it (e.g. across a restart); deleted when disposed.</summary>
public sealed class TestDataDirectory : IDisposable
{
    public string Path { get; } = NewPath();

    public void Dispose() => Delete(Path);

    internal static string NewPath() => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    internal static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();   // pooled connections keep the files open
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
