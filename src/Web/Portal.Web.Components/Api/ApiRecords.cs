namespace Portal.Web.Components.Api;

/// <summary>The signed-in account as <c>GET /api/me</c> answers it.</summary>
public sealed record Me(
    Guid UserId, string Email, string Name, string Kind, Guid? PracticeGroupId, string? PracticeName, IReadOnlyList<string> Roles,
    IReadOnlyList<Guid> PatientIds, bool TwoFactorEnabled, bool PasswordChangeRequired = false)
{
    public bool IsPracticeAdmin => Roles.Contains("practiceAdmin");
}

/// <summary>A password-reset link's account and lifetime, as <c>GET /api/auth/password-reset/{token}</c> answers it.</summary>
public sealed record PasswordResetLink(string Email, DateTimeOffset ExpiresAt);
