using Microsoft.AspNetCore.Identity;

namespace Portal.Modules.Identity.Domain;

internal enum AccountKind
{
    Practitioner,
    Patient,
}

/// <summary>An account: a practitioner of one practice group, or a patient linked to one or more patient records.</summary>
internal sealed class PortalUser : IdentityUser<Guid>
{
    public AccountKind Kind { get; set; }
    public Guid? PracticeGroupId { get; set; }
    public string GivenName { get; set; } = string.Empty;
    public string FamilyName { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// When a practice admin deactivated this practitioner: the account can no longer sign in, and stays so that what it
    /// wrote (notes, decisions, audit entries) is still attributed to it.
    /// </summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    public string DisplayName => $"{GivenName} {FamilyName}".Trim();
}
