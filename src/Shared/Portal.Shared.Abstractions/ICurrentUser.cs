namespace Portal.Shared.Abstractions;

/// <summary>The signed-in caller of the current request, read from the access token's claims.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    /// <summary>The account id; throws when nobody is signed in (endpoints require a user by default).</summary>
    Guid UserId { get; }

    string Email { get; }
    string Name { get; }

    /// <summary>The practitioner's practice group; null for patients.</summary>
    Guid? PracticeGroupId { get; }

    /// <summary>
    /// The practice group of a practitioner calling a practice route: the practitioner policies admit only tokens that
    /// carry one, so a slice behind them reads it here. Throws for a caller without one (a route that forgot its policy).
    /// </summary>
    Guid StaffPracticeGroupId => PracticeGroupId
        ?? throw new InvalidOperationException("This route serves practice staff: give it a practitioner policy (the caller has no practice group).");

    /// <summary>The sign-in session (refresh-token family) the access token belongs to.</summary>
    Guid? SessionId { get; }

    bool IsInRole(string role);
}

/// <summary>The roles of the API (docs/api-conventions.md, "Who may call what").</summary>
public static class Roles
{
    public const string Practitioner = "practitioner";
    public const string PracticeAdmin = "practiceAdmin";
    public const string Patient = "patient";

    /// <summary>
    /// Runs the installation (the jobs dashboard): granted by the installation's configuration, never by a practice,
    /// so no practice admin holds it by default.
    /// </summary>
    public const string Operator = "operator";
}

/// <summary>Authorization policy names; every endpoint names one (or is explicitly anonymous).</summary>
public static class Policies
{
    public const string Practitioner = "practitioner";
    public const string PracticeAdmin = "practiceAdmin";
    public const string Patient = "patient";
    public const string Operator = "operator";
}

/// <summary>Claim types of Portal's access tokens beyond the standard ones.</summary>
public static class PortalClaims
{
    public const string PracticeGroupId = "practice_group_id";
    public const string SessionId = "sid";
    public const string Kind = "kind";

    /// <summary>"true" while the account must replace a password someone else set (see the password-change gate).</summary>
    public const string PasswordChangeRequired = "pwd_change_required";
}
