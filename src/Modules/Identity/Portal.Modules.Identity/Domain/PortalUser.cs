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

    public string DisplayName => $"{GivenName} {FamilyName}".Trim();
}
