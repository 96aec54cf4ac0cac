namespace Portal.Web.Components;

/// <summary>Plain words for the kinds of entries in an account's security log.</summary>
public static class SecurityActivity
{
    public static string Label(string kind) => kind switch
    {
        "signInSucceeded" => "Signed in",
        "signInFailed" => "Failed sign-in attempt",
        "lockedOut" => "Sign-in paused after failed attempts",
        "passwordChanged" => "Password changed",
        "passwordResetRequested" => "Password reset asked for",
        "passwordReset" => "Password reset",
        "twoFactorEnabled" => "Two-factor sign-in turned on",
        "twoFactorDisabled" => "Two-factor sign-in turned off",
        "recoveryCodesRegenerated" => "New recovery codes made",
        "sessionRevoked" => "A session was signed out",
        "invitationToOtherAddress" => "Invitation sent to another address",
        "patientUnlinked" => "Portal access to a record ended",
        "staffInvited" => "Staff member invited",
        "staffRolesChanged" => "Staff roles changed",
        "staffDeactivated" => "Staff member deactivated",
        "staffInvitationRevoked" => "Staff invitation withdrawn",
        _ => kind,
    };
}
