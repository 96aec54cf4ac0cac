using Microsoft.AspNetCore.Identity;

namespace Portal.Modules.Identity.Passwords;

/// <summary>Identity's password messages in the words the apps show beside the field: what is wrong, then what to do.</summary>
internal sealed class PortalIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new()
    {
        Code = nameof(PasswordTooShort),
        Description = $"Too short: use at least {length} characters.",
    };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new()
    {
        Code = nameof(PasswordRequiresUniqueChars),
        Description = $"Too repetitive: use at least {uniqueChars} different characters.",
    };
}
