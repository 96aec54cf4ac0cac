using System.Reflection;

namespace Portal.Web.Components;

/// <summary>
/// A plain-words strength hint while a password is typed, saying where it can the same reasons the API gives for a
/// refusal: too short (under 12 characters), one of the most commonly used passwords, or the account's own email or
/// name. The API decides; this only warns early.
/// </summary>
public static class PasswordStrength
{
    public const string Common = "This is one of the most commonly used passwords, the first ones attackers try. Choose another.";
    public const string Personal = "Too easy to guess: it is your email address or name. Choose something else.";

    private static readonly Lazy<HashSet<string>> CommonLongPasswords = new(Load);

    public static string Describe(string? password, string? email = null, params string?[] names)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "Use at least 12 characters; a few unrelated words make a strong, memorable password.";
        }

        if (password.Length < 12)
        {
            return $"Too short: {12 - password.Length} more characters needed.";
        }

        if (CommonLongPasswords.Value.Contains(password.Trim()))
        {
            return Common;
        }

        if (IsBasedOn(password, email, names))
        {
            return Personal;
        }

        var kinds = new[] { password.Any(char.IsLower), password.Any(char.IsUpper), password.Any(char.IsDigit), password.Any(c => !char.IsLetterOrDigit(c)) }.Count(k => k);
        return password.Length >= 16 || kinds >= 3 ? "Strong." : "Acceptable. Longer is stronger.";
    }

    /// <summary>The API's rule: the whole email in it, or nothing but the email's name part or a name once only letters are kept.</summary>
    private static bool IsBasedOn(string password, string? email, string?[] names)
    {
        if (!string.IsNullOrEmpty(email) && password.Contains(email, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var letters = LettersOf(password);
        var personal = names.Append(email?.Split('@')[0]).Append(string.Concat(names)).Append(string.Concat(Enumerable.Reverse(names)));
        return letters.Length > 0 && personal.Select(LettersOf).Any(p => p.Length >= 2 && p == letters);
    }

    private static string LettersOf(string? text) => string.Concat((text ?? string.Empty).Where(char.IsLetter)).ToLowerInvariant();

    internal static IReadOnlyCollection<string> CommonLongPasswordList => CommonLongPasswords.Value;

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Portal.Web.Components.Passwords.common-long-passwords.txt")
            ?? throw new InvalidOperationException("The embedded list of common passwords is missing from the build.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            passwords.Add(line);
        }

        return passwords;
    }
}
