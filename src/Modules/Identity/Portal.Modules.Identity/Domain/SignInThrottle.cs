namespace Portal.Modules.Identity.Domain;

/// <summary>
/// Failed sign-ins of one email (whether or not an account has it) from one client address. After
/// <c>MaxFailedSignInAttempts</c> failures the pair waits, longer after each further failure; a success forgets
/// the pair. Keyed by the pair, so guessing from one address never makes the owner at another address wait.
/// </summary>
internal sealed class SignInThrottle
{
    public const int MaxEmailLength = 256;

    /// <summary>Requests without a known address share this one.</summary>
    public const string UnknownAddress = "unknown";

    public string NormalizedEmail { get; init; } = string.Empty;
    public string ClientAddress { get; init; } = string.Empty;
    public int Failures { get; init; }
    public DateTimeOffset LastFailureAt { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>
    /// How long the pair waits after its <paramref name="failures"/>th failure: nothing below the limit, then the
    /// first wait, doubled for each failure after it, never more than the cap.
    /// </summary>
    public static TimeSpan WaitAfter(int failures, int limit, TimeSpan first, TimeSpan cap)
    {
        if (failures < limit)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - limit, 30);
        var wait = first * Math.Pow(2, doublings);
        return wait < cap ? wait : cap;
    }
}

/// <summary>The newest authenticator time step an account has used: that code, and every older one, works no more.</summary>
internal sealed class AuthenticatorStep
{
    public Guid UserId { get; init; }
    public long LastTimeStep { get; init; }
}
