using Microsoft.AspNetCore.Identity;
using Portal.Modules.Identity.Contracts;

namespace Portal.Modules.Identity.Domain;

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

    /// <summary>
    /// The password was set by someone other than the owner (the installation's first practice admin, from the
    /// configuration): until the owner chooses their own, a session may do nothing but that.
    /// </summary>
    public bool MustChangePassword { get; private set; }

    public string DisplayName => $"{GivenName} {FamilyName}".Trim();

    public void RequirePasswordChange() => MustChangePassword = true;

    /// <summary>The owner chose a new password (changed it, or reset it through an emailed link).</summary>
    public void PasswordChosenByOwner() => MustChangePassword = false;
}
