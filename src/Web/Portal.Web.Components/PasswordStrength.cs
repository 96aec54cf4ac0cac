namespace Portal.Web.Components;

/// <summary>A plain-words strength hint while a password is typed (the API's rule is at least 12 characters).</summary>
public static class PasswordStrength
{
    public static string Describe(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "Use at least 12 characters; a few unrelated words make a strong, memorable password.";
        }

        if (password.Length < 12)
        {
            return $"Too short: {12 - password.Length} more characters needed.";
        }

        var kinds = new[] { password.Any(char.IsLower), password.Any(char.IsUpper), password.Any(char.IsDigit), password.Any(c => !char.IsLetterOrDigit(c)) }.Count(k => k);
        return password.Length >= 16 || kinds >= 3 ? "Strong." : "Acceptable. Longer is stronger.";
    }
}
