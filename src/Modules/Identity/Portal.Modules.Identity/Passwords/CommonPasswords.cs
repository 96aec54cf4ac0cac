using System.Reflection;

namespace Portal.Modules.Identity.Passwords;

/// <summary>
/// The list of commonly used passwords kept beside this file (common-passwords.txt, see its README), read once
/// from the assembly the first time a password is checked and kept in memory (about 50,000 entries).
/// </summary>
internal static class CommonPasswords
{
    public const string ResourceName = "Portal.Modules.Identity.Passwords.common-passwords.txt";

    private static readonly Lazy<HashSet<string>> List = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static int Count => List.Value.Count;

    /// <summary>Whether the password is on the list, ignoring case and surrounding spaces.</summary>
    public static bool Contains(string password) => List.Value.Contains(password.Trim());

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded list {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(60_000, StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return passwords;
    }
}
